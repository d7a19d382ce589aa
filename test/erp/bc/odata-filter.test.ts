import { describe, expect, it } from 'vitest';
import { SALES_QUOTES } from '../../../src/erp/bc/simulator/entities.js';
import { ODataError } from '../../../src/erp/bc/simulator/odata-error.js';
import { parseFilter } from '../../../src/erp/bc/simulator/odata-filter.js';

const QUOTES = [
  { number: 'S-QUO1001', externalDocumentNumber: "O'BRIEN-1", customerId: '6f2b1c3d-0000-4000-8000-000000000001', documentDate: '2026-12-01', totalAmountExcludingTax: 10, lastModifiedDateTime: '2026-12-07T09:00:00Z' },
  { number: 'S-QUO1002', externalDocumentNumber: 'PO-2', customerId: '6f2b1c3d-0000-4000-8000-000000000002', documentDate: '2026-12-05', totalAmountExcludingTax: 25.5, lastModifiedDateTime: '2026-12-07T10:30:00.123Z' },
  { number: 'S-QUO1003', externalDocumentNumber: '', customerId: '6f2b1c3d-0000-4000-8000-000000000001', documentDate: '2026-12-07', totalAmountExcludingTax: 0, lastModifiedDateTime: '2026-12-07T11:00:00Z' },
];

const numbers = (expression: string) => QUOTES.filter(parseFilter(expression, SALES_QUOTES)).map((q) => q.number.slice(-4));

function refusal(expression: string): ODataError {
  try {
    parseFilter(expression, SALES_QUOTES);
  } catch (error) {
    if (error instanceof ODataError) return error;
    throw error;
  }
  throw new Error(`'${expression}' was accepted`);
}

describe('the $filter subset', () => {
  it('reads each literal as the property’s type: strings with doubled quotes, GUIDs, dates, datetimes and numbers bare', () => {
    expect(numbers("externalDocumentNumber eq 'O''BRIEN-1'")).toEqual(['1001']);
    expect(numbers('customerId eq 6F2B1C3D-0000-4000-8000-000000000001')).toEqual(['1001', '1003']);
    expect(numbers('documentDate ge 2026-12-05')).toEqual(['1002', '1003']);
    expect(numbers('lastModifiedDateTime gt 2026-12-07T10:30:00.122Z')).toEqual(['1002', '1003']);
    expect(numbers('lastModifiedDateTime le 2026-12-07T12:30:00+02:00')).toEqual(['1001']);
    expect(numbers('totalAmountExcludingTax gt 10.5')).toEqual(['1002']);
    expect(numbers("externalDocumentNumber eq ''")).toEqual(['1003']);
  });

  it('binds and tighter than or, and parentheses tighter than both', () => {
    expect(numbers('totalAmountExcludingTax eq 25.5 or totalAmountExcludingTax gt 5 and totalAmountExcludingTax lt 20')).toEqual(['1001', '1002']);
    expect(numbers("(number eq 'S-QUO1001' or number eq 'S-QUO1002') and totalAmountExcludingTax gt 0")).toEqual(['1001', '1002']);
    expect(numbers("number in ('S-QUO1003','S-QUO1001') and startswith(externalDocumentNumber,'o''b')")).toEqual(['1001']);
  });

  it('refuses, naming it, what BC refuses or the simulator does not do', () => {
    expect(refusal("number eq 'S-QUO1001' or externalDocumentNumber eq 'PO-2'").message).toMatch(/'or' operator/);
    expect(refusal("not (number eq 'x')").message).toMatch(/'not'/);
    expect(refusal("substring(number,1) eq 'x'").message).toMatch(/'substring'/);
    expect(refusal("number eq 'x' and").message).toMatch(/Expression expected/);
    expect(refusal("number eq 'x')").message).toMatch(/Syntax error at position 13/);
    expect(refusal("number has 'x'").message).toMatch(/'has'/);
    expect(refusal("length(number) eq 1").message).toMatch(/'length'/);
    expect(refusal("customerId eq 'not-a-guid'").message).toMatch(/incompatible types/);
    expect(refusal(`externalDocumentNumber eq '${'x'.repeat(36)}'`).code).toBe('Application_FilterErrorException');
  });
});
