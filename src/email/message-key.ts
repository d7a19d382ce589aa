import { createHash } from 'node:crypto';

/**
 * The Message-ID from the header block alone, without parsing the body: it keys the run before
 * any step has run. Mail without one is keyed by its content hash, so the same file is still
 * recognised when it comes again.
 */
export function messageKeyOf(raw: Buffer): string {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0);
  const headerEnd = ends.length ? Math.min(...ends) : -1;
  const header = raw.subarray(0, headerEnd >= 0 ? headerEnd : raw.length).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  // The rest of the line, then trimmed: a lazy match up to `\s*$` would scan a long run of spaces from each of them.
  const id = /^message-id:\s*(\S.*)$/im.exec(header)?.[1]?.trimEnd();
  return id ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
