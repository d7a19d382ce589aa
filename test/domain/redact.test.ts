import { describe, expect, it } from 'vitest';
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
