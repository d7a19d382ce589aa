import { describe, expect, it } from 'vitest';
import { failureOf, Failure } from '../../src/domain/failure.js';

describe('failureOf', () => {
  it('keeps the code of a known failure and counts any other error as internal, both redacted', () => {
    expect(failureOf(new Failure('erp_rejected', 'POST https://u:p@erp/x refused'))).toEqual({ code: 'erp_rejected', permanent: true, message: 'POST https://u:***@erp/x refused' });
    expect(failureOf(new Error('boom'))).toEqual({ code: 'internal', permanent: false, message: 'boom' });
  });

  it('tells a database that is busy or away, which passes by itself, from other errors', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(failureOf(busy)).toMatchObject({ code: 'store_unavailable', permanent: false });
    expect(failureOf(shutdown)).toMatchObject({ code: 'store_unavailable', permanent: false });
    expect(failureOf(new Error('Connection terminated unexpectedly'))).toMatchObject({ code: 'store_unavailable' });
    expect(failureOf(Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toMatchObject({ code: 'internal' });
  });
});
