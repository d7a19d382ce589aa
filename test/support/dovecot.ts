import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/** Debian's dovecot-imapd, installed by .ci/run; every test file runs its own server on a free loopback port. */
const DOVECOT = '/usr/sbin/dovecot';
const DOVEADM = '/usr/bin/doveadm';
export const IMAP_PASSWORD = 'imap-secret';

export interface Dovecot {
  port: number;
  stop(): Promise<void>;
  /** Drops every IMAP connection of the user, as a server restart or a network break would. */
  kick(user: string): void;
  client(user: string): Promise<ImapFlow>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Any user logs in with IMAP_PASSWORD and gets a Maildir of their own; mail runs as nobody, which dovecot accepts and root is not. */
function config(dir: string, port: number): string {
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = static
  args = password=${IMAP_PASSWORD}
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=${dir}/mail/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = 65534
first_valid_gid = 65534
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
}
service anvil {
  chroot =
}
protocol imap {
  mail_max_userip_connections = 1000
}
`;
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'offerflow-dovecot-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  chmodSync(join(dir, 'mail'), 0o777);
  const port = await freePort();
  const file = join(dir, 'dovecot.conf');
  writeFileSync(file, config(dir, port));
  // The master forks into the background; inheriting our pipes would keep execFileSync waiting on it.
  execFileSync(DOVECOT, ['-c', file], { stdio: 'ignore' });
  for (let i = 0; i < 100; i += 1) {
    try {
      const probe = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: 'probe', pass: IMAP_PASSWORD }, logger: false });
      await probe.connect();
      await probe.logout();
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    port,
    async stop() {
      const pid = Number(readFileSync(join(dir, 'run', 'master.pid'), 'utf8'));
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 100; i += 1) {
        try {
          process.kill(pid, 0);
          await new Promise((resolve) => setTimeout(resolve, 20));
        } catch {
          return;
        }
      }
    },
    kick: (user) => void execFileSync(DOVEADM, ['-c', file, 'kick', user], { stdio: 'ignore' }),
    async client(user) {
      const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: IMAP_PASSWORD }, logger: false });
      await client.connect();
      return client;
    },
  };
}
