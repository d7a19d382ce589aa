import { describe, expect, it } from 'vitest';
import { failureOf, Failure } from '../../src/domain/failure.js';
import { redactSecrets } from '../../src/domain/redact.js';

describe('redactSecrets', () => {
  it('hides the password of every URL in a text, and secret query parameters', () => {
    const text = 'fetch http://offerflow:hunter2@erp.example.fi/Lemonsoft30/api failed; retried postgres://app:s3cr3t@db:5432/offerflow?sslmode=require&password=x';
    const shown = redactSecrets(text);

    expect(shown).toBe('fetch http://offerflow:***@erp.example.fi/Lemonsoft30/api failed; retried postgres://app:***@db:5432/offerflow?sslmode=require&password=***');
    expect(shown).not.toMatch(/hunter2|s3cr3t/);
  });

  it('leaves text without credentials as it is', () => {
    expect(redactSecrets('GET https://erp.example.fi/api?page=2 failed: HTTP 503')).toBe('GET https://erp.example.fi/api?page=2 failed: HTTP 503');
  });
});

describe('failureOf', () => {
  it('keeps the code of a known failure and counts any other error as internal, both redacted', () => {
    expect(failureOf(new Failure('erp_rejected', 'POST https://u:p@erp/x refused'))).toEqual({ code: 'erp_rejected', permanent: true, message: 'POST https://u:***@erp/x refused' });
    expect(failureOf(new Error('boom'))).toEqual({ code: 'internal', permanent: false, message: 'boom' });
  });
});
