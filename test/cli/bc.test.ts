import { describe, expect, it } from 'vitest';
import { offerflow } from '../support/cli.js';
import { tempDataDir } from '../support/seller.js';

/**
 * The mails with a discounted line whose amount BC rounds apart from Offerflow: BC rounds the
 * line's gross, then its discount amount on its own, and subtracts (Sales Line's Line Discount
 * Amount), where Offerflow rounds the discounted line once (`lineTotal`), so on a half cent BC
 * stores one cent less and the offer is flagged for review. Which rounding Offerflow keeps is
 * not the adapter's to decide; this list names where the two differ today.
 */
const ROUNDED_APART = new Set(['01-fi-putkityo-virtanen.eml', '03-sv-rorvarme-codes.eml']);

interface Told {
  file: string;
  status: string;
  /** The offer's lines as printed, its number left out: BC numbers quotes S-QUO1001…, the embedded ERP 10001…. */
  lines: string[];
}

/** Each email's offer as the demo prints it, from its heading to the next. */
function offersOf(stdout: string): Told[] {
  const told: Told[] = [];
  for (const line of stdout.split('\n')) {
    const heading = /^(?:Offer \S+|No offer) \[(\w+)\] {2}(\S+\.eml)$/.exec(line);
    if (heading) told.push({ file: heading[2]!, status: heading[1]!, lines: [] });
    else if (/^\d+ emails:/.test(line)) break;
    else told.at(-1)?.lines.push(line.replace(/^( {2}! offer )\S+( differs)/, '$1N$2'));
  }
  return told;
}

const cents = (text: string) => Math.round(Number(text) * 100);

/** BC's one-cent-lower line totals and the net after them, as the review says; the rest of the offer as the embedded ERP's. */
function expectRoundedApart(embedded: Told, central: Told): void {
  const reviews = central.lines.filter((line) => line.includes(' differs from what was sent: '));
  expect(reviews.length, central.file).toBeGreaterThan(0);
  for (const review of reviews) {
    const [, stored, sent] = /(?:row \d+ lineTotal|net total): stored (\S+), sent (\S+)$/.exec(review) ?? [];
    expect(cents(sent!) - cents(stored!), review).toBe(1);
  }
  const rest = (told: Told) => told.lines.filter((line) => !reviews.includes(line) && !line.startsWith('Net '));
  expect(rest(central)).toEqual(rest(embedded));
  expect(central.status).toBe('needs_review');
}

describe('offerflow on Business Central', () => {
  it('makes the demo offers through the BC simulator as on the embedded ERP, prices, totals and statuses included', async () => {
    const [local, bc] = await Promise.all([offerflow(['demo', '--reset', '--data-dir', tempDataDir()]), offerflow(['demo', '--erp', 'bc', '--reset', '--data-dir', tempDataDir()])]);
    expect(local.code, local.stderr).toBe(0);
    expect(bc.code, bc.stderr).toBe(0);
    expect(bc.stdout).toMatch(/^Offer S-QUO\d{4,} \[\w+\] {2}01-fi-putkityo-virtanen\.eml$/m);

    const [embedded, central] = [offersOf(local.stdout), offersOf(bc.stdout)];
    expect(central.map((told) => told.file)).toEqual(embedded.map((told) => told.file));
    expect(embedded).toHaveLength(12);
    const same = central.filter((told) => !ROUNDED_APART.has(told.file));
    expect(same).toEqual(embedded.filter((told) => !ROUNDED_APART.has(told.file)));
    for (const told of central.filter((t) => ROUNDED_APART.has(t.file))) expectRoundedApart(embedded.find((t) => t.file === told.file)!, told);
    // The unknown sender's offer is made for the prospects' customer and read back as having none.
    expect(central.find((told) => told.file === '05-fi-gmail-unknown.eml')).toMatchObject({ status: 'needs_review', lines: expect.arrayContaining(['Customer: unknown   Salesperson: none']) });
  });
});
