/** Where the customer's own words end: a quoted earlier message or a forwarded header. */
const QUOTE_MARKERS = [
  /^-{2,}\s*(original message|alkuperäinen viesti|ursprungligt meddelande|forwarded message|välitetty viesti|vidarebefordrat meddelande)\s*-{2,}/i,
  /^(lähettäjä|från|from|sent|lähetetty|skickat):\s/i,
  /^on .+wrote:$/i,
  /^.+ kirjoitti:?$/i,
  /^den .+ skrev:?$/i,
];

/** Where the signature starts: the "-- " delimiter or a closing phrase in fi, sv or en. */
const SIGNATURE_MARKERS = [
  /^--\s*$/,
  /^(ystävällisin terveisin|parhain terveisin|terveisin|terv\.?|kiitos|kiittäen|t\.)\s*[,.!]?$/i,
  /^(med vänliga hälsningar|vänliga hälsningar|mvh|hälsningar|tack)\s*[,.!]?$/i,
  /^(best regards|kind regards|regards|br|thanks|thank you|cheers)\s*[,.!]?$/i,
  /^lähetetty (iphonesta|androidista|mobiilista)/i,
  /^sent from my /i,
];

export interface BodyParts {
  /** The new message, without quotes and signature: the only place line items come from. */
  body: string;
  /** The signature, kept for company facts (name, Y-tunnus, phone). */
  signature: string;
}

export function splitBody(text: string): BodyParts {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const quoteAt = lines.findIndex((line) => line.trimStart().startsWith('>') || QUOTE_MARKERS.some((m) => m.test(line.trim())));
  const own = quoteAt >= 0 ? lines.slice(0, quoteAt) : lines;
  const signatureAt = own.findIndex((line) => SIGNATURE_MARKERS.some((m) => m.test(line.trim())));
  return signatureAt >= 0
    ? { body: own.slice(0, signatureAt).join('\n').trim(), signature: own.slice(signatureAt).join('\n').trim() }
    : { body: own.join('\n').trim(), signature: '' };
}
