/**
 * What a terminal would act on instead of printing: C0 controls (ESC starts an escape
 * sequence, BEL rings, CR and BS overwrite), DEL, the C1 controls (0x9b is a one-byte
 * escape sequence to some terminals), the Unicode line separators, and the controls that
 * reorder text (a right-to-left override makes "fdp.exe" read as "exe.pdf").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS_AND_NEWLINES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text from mail (a subject, a line, a customer's name) as it may reach a terminal: every
 * control shown as a visible `\u001b`, so that a mail can neither retitle the terminal, clear
 * the screen, nor print fake lines. Our own line breaks stay when `newlines` says so.
 */
export function terminalSafe(text: string, newlines: 'keep' | 'escape' = 'keep'): string {
  return text.replace(newlines === 'keep' ? CONTROLS : CONTROLS_AND_NEWLINES, escaped);
}

/** JSON.stringify escapes C0 controls but leaves C1 and reordering controls as they are. */
export function jsonSafe(json: string): string {
  return json.replace(CONTROLS_AND_NEWLINES, escaped);
}
