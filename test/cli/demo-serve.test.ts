import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { freePort } from '../support/dovecot.js';
import { tempDataDir } from '../support/seller.js';
import { until } from '../support/until.js';

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('offerflow demo --serve', () => {
  it('turns the sample mails into offers, then opens the workspace on them with a one-time link for the demo salesperson', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'demo', '--data-dir', tempDataDir(), '--reset', '--serve', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const link = await until('the set-password link', () => new RegExp(`http://127\\.0\\.0\\.1:${port}/set-password\\?token=\\S+`).exec(out)?.[0] ?? false, 60_000);
    await until('the workspace to serve', () => out.includes('Serving; Ctrl-C stops.'), 30_000);

    expect(out).toMatch(/\d+ emails: .*needs_review/);
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' })).headers.get('location')).toBe('/login');
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  });
});
