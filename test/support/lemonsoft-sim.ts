import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { LemonsoftClient } from '../../src/erp/lemonsoft/client.js';
import { offerSchema, type WireOffer } from '../../src/erp/lemonsoft/wire.js';
import { CLI } from './cli.js';
import { systemClock } from '../../src/time/clock.js';

export interface RunningSim {
  url: string;
  /** `POST` fault settings here. */
  admin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `offerflow sim lemonsoft` as its own process on a free port, seeded with the demo wholesaler. */
export async function startSim(dataDir: string, extraArgs: string[] = []): Promise<RunningSim> {
  const child = spawn(process.execPath, [CLI, 'sim', 'lemonsoft', '--port', '0', '--data-dir', dataDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    const faults = /Faults: POST JSON to (\S+)/.exec(out);
    const url = /Lemonsoft simulator at (\S+)/.exec(out);
    if (url && faults) {
      child.stdout!.resume();
      return {
        url: url[1]!,
        admin: faults[1]!,
        process: child,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          await once(child, 'exit');
        },
      };
    }
  }
  throw new Error(`the simulator did not start: ${out}`);
}

/** The Lemonsoft settings for the simulator's demo login, with quick retries. */
export function simSettings(url: string) {
  return { baseUrl: url, username: 'offerflow', password: 'offerflow', database: 'DEMO', apiKey: 'offerflow-demo', retryBaseMs: 10, maxCallsPerSecond: 1000 };
}

/** The same as environment variables, as `offerflow` reads them. */
export function simEnv(url: string): Record<string, string> {
  const variable = (key: string) => `OFFERFLOW_ERP_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
  return { ERP_TYPE: 'lemonsoft', ...Object.fromEntries(Object.entries(simSettings(url)).map(([key, value]) => [variable(key), String(value)])) };
}

export async function setFaults(admin: string, faults: Record<string, unknown>): Promise<void> {
  const answer = await fetch(admin, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
  if (answer.status !== 200) throw new Error(`faults refused: ${answer.status} ${await answer.text()}`);
}

/** Every offer the simulator holds, read back through its API with its rows. */
export async function simOffers(url: string): Promise<WireOffer[]> {
  const { username, password, database, apiKey } = simSettings(url);
  const client = new LemonsoftClient({
    baseUrl: url,
    credentials: { username, password, database, apiKey },
    timeoutMs: 10_000,
    clock: systemClock,
    maxRetries: 2,
    retryBaseMs: 10,
    concurrency: 4,
    renewAfterMs: 60_000,
    pageSize: 100,
  });
  const listed = await client.all('/api/offers', {}, offerSchema);
  return Promise.all(listed.map((offer) => client.get(`/api/offers/${offer.offer_number}`, {}, offerSchema)));
}
