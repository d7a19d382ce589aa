import type { Customer } from '../../../domain/customer.js';
import type { MasterData } from '../../../domain/master-data.js';
import type { PriceRule } from '../../../domain/price-rule.js';
import type { Product } from '../../../domain/product.js';
import { customerToWire, personToWire, priceRuleToWire, productToWire } from '../mapper.js';
import { DEFAULT_TAX_RATES } from '../settings.js';
import type { WireCustomer, WirePerson, WirePricelist, WireProduct } from '../wire.js';

export interface LemonsoftMasterData {
  customers: WireCustomer[];
  persons: WirePerson[];
  products: WireProduct[];
  pricelists: WirePricelist[];
}

/** The general list every customer falls back to; the adapter asks prices through it. */
const BASE_PRICELIST_ID = 1;

/** Lemonsoft numbers its product groups; the demo's named groups get numbers in name order. */
function groupCodes(products: Product[]): Map<string, string> {
  const names = [...new Set(products.map((p) => p.group).filter((g): g is string => g !== null))].sort();
  return new Map(names.map((name, i) => [name, String((i + 1) * 10)]));
}

function taxRateCode(vatRate: string): number {
  const entry = Object.entries(DEFAULT_TAX_RATES).find(([, rate]) => Number(rate) === Number(vatRate));
  if (!entry) throw new Error(`VAT rate ${vatRate} has no Lemonsoft tax rate code`);
  return Number(entry[0]);
}

/**
 * A Lemonsoft price list has one validity for all its rows, so each price list of the domain
 * becomes one Lemonsoft list per validity period its rows have.
 */
function pricelistsOf(rules: PriceRule[], customers: Customer[], groups: Map<string, string>): WirePricelist[] {
  const byList = new Map<string, PriceRule[]>();
  for (const rule of rules) {
    const key = JSON.stringify([rule.pricelist, rule.validFrom, rule.validTo]);
    byList.set(key, [...(byList.get(key) ?? []), rule]);
  }
  const lists: WirePricelist[] = [{ id: BASE_PRICELIST_ID, number: BASE_PRICELIST_ID, name: 'Myyntihinnasto', customers: [], products: [] }];
  for (const [key, listRules] of [...byList].sort(([a], [b]) => a.localeCompare(b))) {
    const [name, validFrom, validTo] = JSON.parse(key) as [string, string | null, string | null];
    const id = lists.length + 1;
    lists.push({
      id,
      number: id,
      name: [name, validFrom, validTo].filter(Boolean).join(' '),
      customers: customers.filter((c) => c.pricelist === name).map((c) => ({ number: Number(c.number) })),
      products: listRules.map((rule) =>
        priceRuleToWire(rule.target.kind === 'group' ? { ...rule, target: { kind: 'group', group: groups.get(rule.target.group) ?? rule.target.group } } : rule),
      ),
      start_datetime: validFrom ? `${validFrom}T00:00:00` : null,
      end_datetime: validTo ? `${validTo}T23:59:59` : null,
    });
  }
  return lists;
}

export function lemonsoftMasterData(data: MasterData, now: string): LemonsoftMasterData {
  const groups = groupCodes(data.products);
  return {
    customers: data.customers.map((c, i) => customerToWire(c, i + 1)),
    persons: data.persons.map(personToWire),
    products: data.products.map((p, i) =>
      productToWire({ ...p, group: p.group === null ? null : (groups.get(p.group) ?? null) }, i + 1, taxRateCode(p.vatRate), now),
    ),
    pricelists: pricelistsOf(data.priceRules, data.customers, groups),
  };
}
