import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './dovecot.js';

/**
 * A PostgreSQL server of a test's own, on its own port, that the test may stop and restart
 * under load: the shared one on 5432 serves every other test. Debian's server binaries, run as
 * the postgres user (the server refuses to run as root).
 */
export interface OwnPostgres {
  url: string;
  /** Drops every connection and comes back, as a restart or failover does. */
  restart(): void;
  stop(): void;
}

function binaries(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort();
  if (versions.length === 0) throw new Error('PostgreSQL server binaries are missing: apt-get install postgresql');
  return join('/usr/lib/postgresql', versions.at(-1)!, 'bin');
}

function asPostgres(command: string, args: string[]): void {
  const run = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(run[0] as string, run[1] as string[], { stdio: 'pipe' });
}

export async function ownPostgres(): Promise<OwnPostgres> {
  const bin = binaries();
  const dir = mkdtempSync(join(tmpdir(), 'offerflow-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (...args: string[]) => asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', ...args]);
  pgCtl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl('restart', '-m', 'immediate'),
    stop: () => pgCtl('stop', '-m', 'immediate'),
  };
}
