import { once } from 'node:events';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { LemonsoftCredentials } from '../../erp/lemonsoft/client.js';
import { SIMULATOR_ADMIN_PATH, startLemonsoftSimulator, type RunningSimulator } from '../../erp/lemonsoft/simulator/server.js';
import { readMasterData } from '../../import/read-master-data.js';
import { systemClock } from '../../time/clock.js';
import { configOf, print } from '../context.js';
import { PACKAGE_ROOT } from '../package-root.js';

export const DEMO_LEMONSOFT_CREDENTIALS: LemonsoftCredentials = { username: 'offerflow', password: 'offerflow', database: 'DEMO', apiKey: 'offerflow-demo' };

export function simulatorFile(dataDir: string): string {
  return join(dataDir, 'lemonsoft-sim.sqlite');
}

/** A Lemonsoft simulator on the data directory's own file, holding the demo wholesaler on first start. */
export function startDemoLemonsoft(dataDir: string, options: { port?: number; host?: string; credentials?: LemonsoftCredentials } = {}): Promise<RunningSimulator> {
  return startLemonsoftSimulator({
    file: simulatorFile(dataDir),
    port: options.port,
    host: options.host,
    credentials: options.credentials ?? DEMO_LEMONSOFT_CREDENTIALS,
    seed: () => readMasterData(join(PACKAGE_ROOT, 'demo', 'data')),
    clock: systemClock,
  });
}

interface SimFlags {
  port: string;
  host: string;
  user: string;
  password: string;
  database: string;
  apiKey: string;
  latency?: string;
}

export function registerSim(program: Command): void {
  const sim = program.command('sim').description('stand-ins for real ERPs, to try Offerflow and to test adapters against');
  sim
    .command('lemonsoft')
    .description('serve the Lemonsoft REST API (the subset Offerflow uses) on real storage, seeded with the demo wholesaler')
    .option('--port <n>', 'port to listen on', '8030')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--user <name>', 'user name to accept', DEMO_LEMONSOFT_CREDENTIALS.username)
    .option('--password <password>', 'password to accept', DEMO_LEMONSOFT_CREDENTIALS.password)
    .option('--database <name>', 'database name to accept', DEMO_LEMONSOFT_CREDENTIALS.database)
    .option('--api-key <key>', 'API key to accept', DEMO_LEMONSOFT_CREDENTIALS.apiKey)
    .option('--latency <ms>', 'delay every call by this much')
    .action(async (flags: SimFlags, command: Command) => {
      const { dataDir } = configOf(command);
      const credentials = { username: flags.user, password: flags.password, database: flags.database, apiKey: flags.apiKey };
      const running = await startDemoLemonsoft(dataDir, { port: Number(flags.port), host: flags.host, credentials });
      if (flags.latency) running.setFaults({ latencyMs: Number(flags.latency) });
      print(`Lemonsoft simulator at ${running.url}`);
      print(`Data: ${simulatorFile(dataDir)}`);
      print(`Faults: POST JSON to http://${flags.host}:${running.port}${SIMULATOR_ADMIN_PATH}/faults (see the README)`);
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
      await running.close();
    });
}
