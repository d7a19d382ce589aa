import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { fixturePath } from './fixtures.js';
import { tempDataDir } from './seller.js';

/** The built CLI, run as a user runs it: a separate process, flags, stdout, stderr, exit code. */
export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function offerflow(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

export async function seeded(): Promise<string> {
  const dataDir = tempDataDir();
  for (const kind of ['persons', 'products', 'customers', 'pricelists']) {
    const run = await offerflow(['import', kind, fixturePath(`cli/${kind}.csv`), '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
  }
  return dataDir;
}

export const jsonLines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

