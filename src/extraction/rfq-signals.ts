import type { ParsedEmail } from '../email/parsed-email.js';

/** Subjects of mail that is about something else than a new request: what each one is. */
const OTHER_SUBJECTS: [RegExp, string][] = [
  [/\b(lasku|faktura|invoice|e-?lasku)\b/i, 'an invoice'],
  [/\b(tilausvahvistus|orderbekräftelse|order ?confirmation|tilauksen vahvistus)\b/i, 'an order confirmation'],
  [/\b(toimitusilmoitus|lähetysilmoitus|leveransavisering|delivery notification|has shipped|on lähetetty|toimitus on matkalla)\b/i, 'a delivery notice'],
  [/\b(uutiskirje|newsletter|nyhetsbrev)\b/i, 'a newsletter'],
  [/\b(kokouskutsu|meeting invitation|mötesinbjudan|invitation:|kutsu:)/i, 'a meeting invitation'],
  [/\b(reklamation|reklamaatio|complaint|hyvitys|kreditering|credit note|palautus|returns? request)\b/i, 'a complaint or return'],
];

/** Someone selling to us, not buying: factories' mass mail quotes minimum orders and samples. */
const SALES_PITCH = /\bMOQ\b|\bfree samples?\b|\bdear (?:purchasing|procurement) manager\b|\bwe are (?:a )?(?:professional|leading) (?:manufacturer|supplier|factory)\b/i;

/** Auto-replies put this before the subject they answer, which may well say "Tarjous". */
const AUTO_REPLY_SUBJECT = /^\s*(automaattinen vastaus|automatic reply|autosvar|out of office|poissa toimistolta|frånvarande)\b/i;

/** A subject that says "request for quotation" outweighs any other word in it. */
const RFQ_SUBJECT = /\b(tarjouspyyntö|tarjous|offertförfrågan|offert|förfrågan|rfq|quot(e|ation)|request for|hintakysely|hinta)/i;

/** An order already placed, named as such: "tilauksemme 118734", "order no. 4411", "vår beställning". */
const EXISTING_ORDER =
  /(?<!\p{L})(?:tilasimme|tilaamamme|tilaamanne|tilattu|tilauksemme|tilaukseni|tilauksenne|tilausnumero|tilaus(?:ta)?\s*(?:nro|no|#)?\s*\d{4,}|vår beställning|min beställning|beställde|ordernummer|ordernr|order\s*(?:no\.?|nr\.?|number|#)\s*\d|our order|my order|we ordered|order confirmation)(?!\p{L})/iu;
/** Someone asking for a job, not for products. */
const JOB_APPLICATION = /(?<!\p{L})(?:työhakemus|avoin hakemus|avoimella hakemuksella|haen teiltä|hakemukseni|ansioluettelo|ansökan|spontanansökan|job application|open application|my cv|curriculum vitae|haen (?:teille|töitä|paikkaa)|söker (?:jobb|tjänsten))(?!\p{L})/iu;
/** What a request for prices says somewhere, whatever else it is about. */
const ASKS_FOR_PRICES = /(?<!\p{L})(?:tarjo\p{L}*|hin(?:ta|nat|nan|noi)\p{L}*|offert\p{L}*|pris\p{L}*|quot\p{L}*|prices?|pricing|rfq)(?!\p{L})/iu;

/** "Kiitos tarjouksesta", "thanks for the quote": an offer received, not asked for. */
const THANKS_FOR_OFFER = /(?<!\p{L})(?:kiitos|kiitoksia|tack|thanks|thank you)(?!\p{L})[^.\n]{0,30}(?:tarjou|offert|quot|offer|hinn|pris|price)/iu;

/** Whether a text asks for prices or an offer, in any words of fi, sv or en, rather than thanking for one. */
export function asksForPrices(text: string): boolean {
  return ASKS_FOR_PRICES.test(text) && !THANKS_FOR_OFFER.test(text);
}

/** A mail about an order already placed, or a job application, that asks no price. */
function otherBusiness(text: string): string | null {
  if (ASKS_FOR_PRICES.test(text)) return null;
  if (EXISTING_ORDER.test(text)) return 'a question about an existing order';
  if (JOB_APPLICATION.test(text)) return 'a job application';
  return null;
}

/**
 * Why this email is not a request for quotation, from what a person sees before reading
 * the items: machine headers, the subject, a calendar invite, a question about an order
 * already placed. `own` is the sender's own text. Null when it may be one.
 */
export function notAnRfqReason(email: ParsedEmail, own = email.text): string | null {
  if (email.automated) return `sent automatically (${email.automated})`;
  if (email.attachments.some((a) => a.contentType === 'text/calendar')) return 'a meeting invitation';
  if (AUTO_REPLY_SUBJECT.test(email.subject)) return `the subject "${email.subject}" shows an automatic reply`;
  const pitch = SALES_PITCH.exec(email.text)?.[0];
  if (pitch) return `a sales pitch to us ("${pitch}")`;
  const subject = email.subject.replace(/^\s*((re|sv|vs|vl|fw|fwd|vb|aw|wg)\s*:\s*)+/i, '');
  if (RFQ_SUBJECT.test(subject)) return null;
  // An applicant may well tell of the offers they made: a subject that says application settles it.
  if (JOB_APPLICATION.test(subject)) return 'a job application';
  const business = otherBusiness(`${subject}\n${own}`);
  if (business) return business;
  const other = OTHER_SUBJECTS.find(([pattern]) => pattern.test(subject));
  return other ? `the subject "${email.subject}" shows ${other[1]}` : null;
}
