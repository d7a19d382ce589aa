import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serviceLogger } from '../../src/server/logger.js';

describe('serviceLogger', () => {
  it('writes JSON lines and never a password, key, token or database URL, however deep', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = serviceLogger(sink);

    log.info({ runId: 3, password: 'p1', erp: { settings: { apiKey: 'k1', password: 'p2' } }, databaseUrl: 'postgres://u:p3@db/x', mailbox: { token: 't1' } }, 'run finished');
    log.flush();

    const line = JSON.parse(out.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'run finished', runId: 3, service: 'offerflow', password: '[redacted]', databaseUrl: '[redacted]' });
    for (const secret of ['p1', 'k1', 'p2', 'p3', 't1']) expect(out).not.toContain(secret);
  });
});
