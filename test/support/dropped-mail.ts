import { utimesSync } from 'node:fs';
import { DIRECTORY_SETTLE_MS } from '../../src/email/sources/directory-source.js';

/** Writes a file with `write` and dates it back past the settle time, as a mail dropped a while ago. */
export function settled(path: string, write: () => void): void {
  write();
  const at = new Date(Date.now() - DIRECTORY_SETTLE_MS - 500);
  utimesSync(path, at, at);
}
