import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');
const MAPPER = join(SRC, 'erp', 'files', 'ubl-quotation.ts');

/** UBL's element prefixes: a `cbc:` or `cac:` name anywhere else means the format leaked past its mapper. */
const UBL_NAME = /\b(cbc|cac):[A-Z]\w+/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

describe('the UBL boundary', () => {
  it('keeps every UBL element name inside the Quotation mapper', () => {
    const leaks = files(SRC)
      .filter((file) => file !== MAPPER)
      .flatMap((file) => (UBL_NAME.exec(readFileSync(file, 'utf8')) ?? []).slice(0, 1).map((name) => `${relative(SRC, file)}: ${name}`));
    expect(leaks).toEqual([]);
  });

  it('finds the element names in the mapper, so the check above looks at real text', () => {
    expect(readFileSync(MAPPER, 'utf8')).toMatch(UBL_NAME);
  });
});
