import { describe, expect, it } from 'vitest';
import { offerflow } from '../support/cli.js';
import { tempDataDir } from '../support/seller.js';

/** The request from an unknown sender, which the embedded ERP keeps as an offer without a customer for review. */
const UNKNOWN_SENDER = '05-fi-gmail-unknown.eml';

/**
 * The demo's offers as far as Business Central can hold them: which email made what, for whom,
 * with which products, quantities and units, and what was flagged. Left out are the offer
 * numbers (BC numbers quotes S-QUO1001…) and the prices, discounts and totals: API v2.0 serves
 * no customer prices, so every customer gets list prices there.
 */
function offersOf(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => !/^(Imported \d+|Lemonsoft simulator at|Business Central simulator at|Data directory:|Net |\d+ emails:|[┌├└])/.test(line))
    .map((line) => line.replace(/^Offer \S+ \[/, 'Offer [').replace(/^│(.*)│$/, (_row, cells: string) => cells.split('│').slice(0, 5).map((cell) => cell.trim()).join(' | ')));
}

/** Where the offer of one email is told: from its heading to the next one. */
function blockOf(lines: string[], file: string): { start: number; end: number } {
  const start = lines.findIndex((line) => line.endsWith(file));
  const end = lines.findIndex((line, i) => i > start && /\.eml$/.test(line));
  return { start, end };
}

function without(lines: string[], file: string): string[] {
  const { start, end } = blockOf(lines, file);
  return [...lines.slice(0, start), ...lines.slice(end)];
}

describe('offerflow on Business Central', () => {
  it('makes the offers of the demo emails through the BC simulator as on the embedded ERP, at list prices', async () => {
    const [local, bc] = await Promise.all([offerflow(['demo', '--reset', '--data-dir', tempDataDir()]), offerflow(['demo', '--erp', 'bc', '--reset', '--data-dir', tempDataDir()])]);
    expect(local.code, local.stderr).toBe(0);
    expect(bc.code, bc.stderr).toBe(0);
    expect(bc.stdout).toMatch(/^Offer S-QUO1001 \[created\] {2}01-fi-putkityo-virtanen\.eml$/m);

    const [embedded, central] = [offersOf(local.stdout), offersOf(bc.stdout)];
    expect(central).toContain('1 | - Kupariputki 22x1,0 kova 60 m | 1100026 Kupariputki 22x1,0 kova | 60 | m');
    expect(without(central, UNKNOWN_SENDER)).toEqual(without(embedded, UNKNOWN_SENDER));
    expect(central[blockOf(central, UNKNOWN_SENDER).start]).toBe(`No offer [failed]  ${UNKNOWN_SENDER}`);
    expect(bc.stdout).toContain('create_offer: Business Central makes a quote only for a customer');
  });
});
