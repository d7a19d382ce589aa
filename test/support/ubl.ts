import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** OASIS's own schema, beside the repository: tests read it, the product never does. */
export const UBL_QUOTATION_SCHEMA = join(import.meta.dirname, '..', '..', '..', 'shared', 'ubl-2.1', 'xsd', 'maindoc', 'UBL-Quotation-2.1.xsd');

/** Validates documents with xmllint (Debian's libxml2-utils) against the UBL 2.1 Quotation schema. */
export function expectValidQuotations(files: string[]): void {
  expect(files.length).toBeGreaterThan(0);
  let output: string;
  try {
    output = execFileSync('xmllint', ['--noout', '--schema', UBL_QUOTATION_SCHEMA, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`not valid UBL 2.1 Quotations:\n${stderr ?? String(error)}`);
  }
  expect(output).toBe('');
}

/** Every UBL document in a folder, validated. */
export function expectValidOutbox(dir: string): void {
  expectValidQuotations(
    readdirSync(dir)
      .filter((name) => name.endsWith('.xml'))
      .map((name) => join(dir, name)),
  );
}
