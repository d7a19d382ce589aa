import { randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Holders } from '../workflow/run-claim.js';

/** "host:pid:nonce": the nonce tells a restarted process from an old one that had the same pid. */
function parse(holder: string): { host: string; pid: number } | null {
  const m = /^(.*):(\d+):[0-9a-f]+$/.exec(holder);
  return m ? { host: m[1]!, pid: Number(m[2]) } : null;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Where a pid means the same process: the host, and on Linux its boot and pid namespace, since
 * containers may share a host name but not their pids. Elsewhere only the host name is known.
 */
function pidSpace(): string {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${hostname()}/${boot}/${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return hostname();
  }
}

/**
 * This process as a run's holder. A holder on this machine whose process has ended (killed,
 * crashed, Ctrl-C) is gone, and its runs can be taken at once instead of after its lease; a
 * holder elsewhere is only ever known by its lease running out.
 */
export function processHolders(): Holders {
  const host = pidSpace();
  const self = `${host}:${process.pid}:${randomBytes(4).toString('hex')}`;
  return {
    self,
    isGone(holder) {
      const parsed = parse(holder);
      return parsed !== null && parsed.host === host && holder !== self && parsed.pid !== process.pid && !running(parsed.pid);
    },
  };
}
