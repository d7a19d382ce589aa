/**
 * Where the sender's signature starts: the "-- " delimiter, a closing phrase (fi, sv, da/no, en),
 * a dash sign-off ("-Matti"), a mobile footer, or a list footer or legal disclaimer.
 */

const CLOSINGS = [
  'ystävällisin terveisin',
  'ystävällisesti',
  'yst\\. terv\\.?',
  'parhain terveisin',
  'terveisin',
  'terv\\.?',
  'kiitos(?: jo)?(?: etukäteen)?',
  'kiittäen',
  't\\.',
  'med vänliga hälsningar',
  'med vänlig hälsning',
  'vänliga hälsningar',
  'vänligen',
  'mvh',
  'hälsningar',
  'tack(?: på förhand)?',
  'med venlig hilsen',
  'med vennlig hilsen',
  'vennlig hilsen',
  'hilsen',
  'best regards',
  'kind regards',
  'warm regards',
  'regards',
  'best',
  'br',
  'thanks(?: in advance)?',
  'many thanks',
  'thank you',
  'cheers',
];

const CLOSING = new RegExp(`^(?:${CLOSINGS.join('|')})\\s*[,.!]?$`, 'i');
/** "Terveisin Matti Virtanen", "Best regards, John": the closing and the name on one line. */
const CLOSING_WITH_NAME = new RegExp(`^(?:${CLOSINGS.slice(0, -5).join('|')})[,\\s]+\\p{Lu}[\\p{L}.'-]*(?:\\s\\p{Lu}[\\p{L}'-]*){0,2}$`, 'iu');
const DELIMITER = /^-{2,3}\s*$/;
/** "-Matti", "– John": a dash and a first name, alone on the line. */
const DASH_SIGN_OFF = /^[-–—]\s?\p{Lu}\p{Ll}+$/u;
const FOOTERS = [
  /^lähetetty (?:iphonesta|androidista|mobiilista|samsung|outlookista)/i,
  /^sent from (?:my |mail for |outlook|yahoo)/i,
  /^get outlook for /i,
  /^hanki outlook /i,
  /^skickat från (?:min |outlook|e-post)/i,
  /^skaffa outlook /i,
  /^sendt fra (?:min |outlook)/i,
  /^(?:you received this (?:message|email)|to unsubscribe|unsubscribe|this (?:e-?mail|message)(?: and any attachments)? (?:is|are|may|contains?)|confidentiality notice|disclaimer:)/i,
  /^(?:tämä (?:sähkö)?(?:posti|viesti)(?: ja sen liitteet)? (?:on|ovat|voi|saattaa|sisältää)|luottamuksellinen)/i,
  /^(?:detta (?:e-?post)?(?:meddelande|mejl)|denna e-post)/i,
];

export function isSignatureStart(line: string): boolean {
  const trimmed = line.trim();
  return CLOSING.test(trimmed) || CLOSING_WITH_NAME.test(trimmed) || DELIMITER.test(trimmed) || DASH_SIGN_OFF.test(trimmed) || FOOTERS.some((f) => f.test(trimmed));
}

/** "Hei,", "Hi John,", "Hej Anna!": a greeting is not yet the message. */
const GREETING = /^(?:hei|hej|moi|moikka|terve|hyvä|hello|hi|dear|good (?:morning|afternoon)|hejsan|hallo|god dag)\b[^.?!]{0,40}[,!:]?$/i;

/**
 * The signature starts at the first marker after the sender has said something: a first line
 * "Kiitos!" or "Thanks," thanks in advance for what follows, it does not close the mail.
 */
export function signatureStart(lines: string[]): number {
  let said = false;
  for (const [at, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (said && isSignatureStart(trimmed)) return at;
    if (!isSignatureStart(trimmed) && !GREETING.test(trimmed)) said = true;
  }
  return -1;
}
