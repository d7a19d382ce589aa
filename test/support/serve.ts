import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from './cli.js';
import { until } from './until.js';

export interface Served {
  child: ChildProcess;
  port: number;
  /** Every JSON line it logged so far. */
  log: Record<string, unknown>[];
  /** What it wrote to stderr so far. */
  stderr(): string;
}

const children: ChildProcess[] = [];

/** `offerflow serve` as a real process; resolves once it says it is serving. */
export async function serve(dataDir: string, env: Record<string, string> = {}, flags: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...flags], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  const log: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) log.push(JSON.parse(line) as Record<string, unknown>);
  });
  await until('the service to start', () => {
    if (child.exitCode !== null) throw new Error(`serve exited: ${stderr}`);
    return log.some((l) => l.msg === 'offerflow serving');
  });
  return { child, port: log.find((l) => l.msg === 'offerflow serving')!.port as number, log, stderr: () => stderr };
}

export function alive(served: Served): boolean {
  return served.child.exitCode === null && served.child.signalCode === null;
}

/** Kills what is still running of every service a test started: for afterEach. */
export async function stopServed(): Promise<void> {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

export function getJson(served: Served, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return fetch(`http://127.0.0.1:${served.port}${path}`).then(async (answer) => ({ status: answer.status, body: (await answer.json()) as Record<string, unknown> }));
}

/** A config for a service watching `inbox` as one directory mailbox in auto mode, with short waits for tests. */
export function writeServiceConfig(dataDir: string, inbox: string, config: { service?: Record<string, unknown>; [key: string]: unknown } = {}): void {
  const { service, ...rest } = config;
  writeFileSync(
    join(dataDir, 'offerflow.json'),
    JSON.stringify({
      mailboxes: [{ type: 'directory', name: 'rfq@seller.fi', path: inbox, mode: 'auto' }],
      service: { workers: 1, pollSeconds: 0.1, ...service },
      ...rest,
    }),
  );
}
