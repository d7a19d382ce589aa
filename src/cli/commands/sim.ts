import { once } from 'node:events';
import { join } from 'node:path';
import type { Command } from 'commander';
import { BC_SIMULATOR_ADMIN_PATH, startBcSimulator, type RunningBcSimulator } from '../../erp/bc/simulator/server.js';
import type { Customer } from '../../domain/customer.js';
import { BC_SIM_COMPANY_NAME } from '../../erp/bc/simulator/seed.js';
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

/**
 * The customer the demo's Business Central keeps for prospects, as many BC companies do: BC
 * makes a quote only for a customer, so the unknown sender's offer is made for this one.
 */
export const DEMO_BC_PROSPECT: Customer = {
  number: 'PROSPEKTI',
  name: 'Uudet asiakkaat',
  businessId: null,
  vat: null,
  email: null,
  domains: [],
  sellerNumber: null,
  pricelist: null,
  address: { street: null, postalCode: null, city: null, country: 'FI' },
};

/** The Entra app and BC environment the demo's Business Central simulator accepts, its one company and its prospects' customer. */
export const DEMO_BC_SETTINGS = {
  tenant: 'offerflow-demo.onmicrosoft.com',
  clientId: '0f1e2d3c-4b5a-4697-8877-665544332211',
  clientSecret: 'offerflow-demo',
  environment: 'production',
  company: BC_SIM_COMPANY_NAME,
  prospectCustomer: DEMO_BC_PROSPECT.number,
} as const;

export function bcSimulatorFile(dataDir: string): string {
  return join(dataDir, 'bc-sim.sqlite');
}

export interface DemoBcOptions {
  port?: number;
  host?: string;
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  environment?: string;
}

/** A Business Central simulator on the data directory's own file, holding the demo wholesaler on first start. */
export function startDemoBc(dataDir: string, options: DemoBcOptions = {}): Promise<RunningBcSimulator> {
  return startBcSimulator({
    file: bcSimulatorFile(dataDir),
    port: options.port,
    host: options.host,
    tenant: options.tenant ?? DEMO_BC_SETTINGS.tenant,
    clientId: options.clientId ?? DEMO_BC_SETTINGS.clientId,
    clientSecret: options.clientSecret ?? DEMO_BC_SETTINGS.clientSecret,
    environment: options.environment ?? DEMO_BC_SETTINGS.environment,
    seed: async () => {
      const data = await readMasterData(join(PACKAGE_ROOT, 'demo', 'data'));
      return { ...data, customers: [...data.customers, DEMO_BC_PROSPECT] };
    },
    clock: systemClock,
  });
}

interface BcSimFlags {
  port: string;
  host: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
  environment: string;
  latency?: string;
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
  sim
    .command('bc')
    .description('serve the Business Central API v2.0 (the subset Offerflow uses) and its Entra token endpoint on real storage, seeded with the demo wholesaler')
    .option('--port <n>', 'port to listen on', '8040')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--tenant <tenant>', 'Entra tenant to accept, in both URLs', DEMO_BC_SETTINGS.tenant)
    .option('--client-id <id>', 'client id of the Entra app to accept', DEMO_BC_SETTINGS.clientId)
    .option('--client-secret <secret>', 'client secret to accept', DEMO_BC_SETTINGS.clientSecret)
    .option('--environment <name>', 'BC environment name in the API URL', DEMO_BC_SETTINGS.environment)
    .option('--latency <ms>', 'delay every call by this much')
    .action(async (flags: BcSimFlags, command: Command) => {
      const { dataDir } = configOf(command);
      const { tenant, clientId, clientSecret, environment } = flags;
      const running = await startDemoBc(dataDir, { port: Number(flags.port), host: flags.host, tenant, clientId, clientSecret, environment });
      if (flags.latency) running.setFaults({ latencyMs: Number(flags.latency) });
      print(`Business Central simulator at ${running.apiUrl}`);
      print(`Token endpoint: ${running.tokenUrl}`);
      print(`Company: ${BC_SIM_COMPANY_NAME}`);
      print(`Data: ${bcSimulatorFile(dataDir)}`);
      print(`Faults: POST JSON to http://${flags.host}:${running.port}${BC_SIMULATOR_ADMIN_PATH}/faults (see the README)`);
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
      await running.close();
    });
}
