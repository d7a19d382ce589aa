import { basename } from 'node:path';
import type { ErpAdapter } from '../erp/ports.js';
import { importTable, type ImportProgress } from '../import/import-file.js';
import { CUSTOMER_CODES } from '../import/kinds.js';
import { ImportError } from '../import/table.js';
import type { CustomerCode, PhraseMemory } from '../matching/phrase-memory.js';

const MAX_PROBLEMS = 20;

/** Customers and products the file names that the ERP does not have: a code that points nowhere would never match. */
async function unknownReferences(codes: CustomerCode[], erp: ErpAdapter): Promise<string[]> {
  const problems: string[] = [];
  const customers = new Map<string, boolean>();
  const products = new Map<string, boolean>();
  for (const c of codes) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (!customers.has(c.customerNumber)) customers.set(c.customerNumber, (await erp.customers.getByNumber(c.customerNumber)) !== null);
    if (!products.has(c.sku)) products.set(c.sku, (await erp.products.getBySku(c.sku)) !== null);
    if (!customers.get(c.customerNumber)) problems.push(`column customer: '${c.customerNumber}' (code ${c.code}) is not a customer in the ERP`);
    if (!products.get(c.sku)) problems.push(`column sku: '${c.sku}' (customer ${c.customerNumber}, code ${c.code}) is not a product in the ERP`);
  }
  return problems;
}

/**
 * `offerflow import customer-codes`: each customer's own part numbers for our products, checked
 * against the ERP and learned all-or-nothing, so that a line with the customer's code is that
 * product for that customer before any search.
 */
export async function importCustomerCodes(file: string, erp: ErpAdapter, memory: PhraseMemory, onProgress?: ImportProgress): Promise<number> {
  const codes: CustomerCode[] = [];
  const rows = await importTable({ inTransaction: (work) => work({ write: async (batch) => void codes.push(...batch.customerCodes) }) }, CUSTOMER_CODES, file, onProgress);
  const problems = await unknownReferences(codes, erp);
  if (problems.length) throw new ImportError(basename(file), problems);
  await memory.learnCodes(codes);
  return rows;
}
