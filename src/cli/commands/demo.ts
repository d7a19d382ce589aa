import { once } from 'node:events';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../config/config.js';
import { BC_ERP_TYPE } from '../../erp/bc/adapter.js';
import { FILES_ERP_TYPE } from '../../erp/files/adapter.js';
import { LEMONSOFT_ERP_TYPE } from '../../erp/lemonsoft/adapter.js';
import { localErpFile, LOCAL_ERP_TYPE } from '../../erp/local/adapter.js';
import { MASTER_DATA_FILES } from '../../import/read-master-data.js';
import { catalogSnapshotFile } from '../../store/catalog-snapshot-file.js';
import { storeFile } from '../../store/open-store.js';
import type { RunStatus } from '../../workflow/result.js';
import { serviceLogger } from '../../server/logger.js';
import { startService } from '../../server/service.js';
import { configOf, print, withApp } from '../context.js';
import { renderResult } from '../format/result-view.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { importInto } from './import.js';
import { linkUrl } from './users.js';
import { systemClock } from '../../time/clock.js';
import { mailProcessor, processFile } from './process.js';
import { demoFilesSettings, demoOutbox, resetFilesDemo } from './demo-files.js';
import { bcSimulatorFile, DEMO_BC_SETTINGS, DEMO_LEMONSOFT_CREDENTIALS, simulatorFile, startDemoBc, startDemoLemonsoft } from './sim.js';

interface DemoSimulator {
  /** Said before the offers: which simulator, where. */
  where: string;
  /** The adapter's settings that reach it. The simulator is ours alone: no need to keep the pace a shared ERP asks for. */
  settings: Record<string, unknown>;
  close(): Promise<void>;
}

/** Each ERP the demo runs through a simulator of, started on the data directory's own file. */
const DEMO_SIMULATORS: Record<string, (dataDir: string) => Promise<DemoSimulator>> = {
  [LEMONSOFT_ERP_TYPE]: async (dataDir) => {
    const sim = await startDemoLemonsoft(dataDir);
    return { where: `Lemonsoft simulator at ${sim.url}`, settings: { baseUrl: sim.url, ...DEMO_LEMONSOFT_CREDENTIALS, maxCallsPerSecond: 1000 }, close: () => sim.close() };
  },
  [BC_ERP_TYPE]: async (dataDir) => {
    const sim = await startDemoBc(dataDir);
    return { where: `Business Central simulator at ${sim.apiUrl}`, settings: { ...DEMO_BC_SETTINGS, tokenUrl: sim.tokenUrl, apiUrl: sim.apiUrl, maxCallsPerSecond: 1000 }, close: () => sim.close() };
  },
};

const DEMO_ERPS = [LOCAL_ERP_TYPE, ...Object.keys(DEMO_SIMULATORS), FILES_ERP_TYPE];

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

async function loadLocal(config: Config): Promise<void> {
  for (const kind of MASTER_DATA_FILES) {
    const summary = await importInto(config.dataDir, kind, join(PACKAGE_ROOT, 'demo', 'data', `${kind}.csv`), systemClock);
    print(`Imported ${summary.records} ${kind}`);
  }
}

async function processExamples(config: Config, examples: string): Promise<void> {
  const emails = readdirSync(examples).filter((f) => f.endsWith('.eml')).sort();
  const counts = new Map<RunStatus, number>();
  await withApp(config, async (app) => {
    const processMail = mailProcessor(app, { mailbox: app.config.mailbox, dryRun: false });
    for (const name of emails) {
      const result = await processFile(processMail, join(examples, name));
      counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
      print(`\n${renderResult(result, name)}`);
    }
  });
  print(`\n${emails.length} emails: ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`);
  print(`Data directory: ${config.dataDir}  (try: offerflow runs list --data-dir ${config.dataDir})`);
}

interface DemoFlags {
  reset?: boolean;
  examples: string;
  erp: string;
  serve?: boolean;
  port: string;
}

/** The demo's salesperson: Johan serves the Swedish-speaking customers, whose requests the examples hold. */
const DEMO_USER = 'johan.sundstrom@teknotukku.fi';

/**
 * Opens the workspace on what the demo made, as `serve` does but with no mailbox: a one-time
 * link for the demo salesperson to set a password, then the service until Ctrl-C.
 */
async function serveWorkspace(config: Config, port: number): Promise<void> {
  const publicUrl = `http://127.0.0.1:${port}`;
  const served = { ...config, mailboxes: [], web: { ...config.web, publicUrl } };
  await withApp(served, async (app) => {
    const added = await app.accounts.users.add({ email: DEMO_USER, role: 'salesperson', name: null, language: null });
    const link = added.added ? added.link : (await app.accounts.users.newLink(DEMO_USER))!.link;
    print(`\nThe workspace is at ${publicUrl}. Set a password for ${DEMO_USER} (the demo's salesperson) with this one-time link:\n${linkUrl(publicUrl, link.token)}`);
  });
  const log = serviceLogger();
  const service = await startService(served, { port, host: '127.0.0.1', log, clock: systemClock });
  print('Serving; Ctrl-C stops.');
  await Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
  await service.stop();
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the demo wholesaler into an ERP and turn the sample emails into offers')
    .option('--reset', 'start from empty databases in the data directory')
    .option('--examples <dir>', 'folder of .eml files', join(PACKAGE_ROOT, 'examples'))
    .option('--erp <type>', `the ERP to run against: ${DEMO_ERPS.join(', ')} (a networked ERP through its simulator, files through folders in the data directory)`, LOCAL_ERP_TYPE)
    .option('--serve', 'then open the workspace on the demo data (embedded ERP only)')
    .option('--port <n>', 'the workspace port with --serve', '8080')
    .action(async (flags: DemoFlags, command: Command) => {
      if (!DEMO_ERPS.includes(flags.erp)) throw new Error(`the demo runs on ${DEMO_ERPS.join(', ')}, not '${flags.erp}'`);
      if (flags.serve && flags.erp !== LOCAL_ERP_TYPE) throw new Error('--serve opens the workspace on the embedded ERP; leave out --erp');
      const config = configOf(command);
      if (flags.reset) {
        for (const file of [localErpFile(config.dataDir), storeFile(config.dataDir), simulatorFile(config.dataDir), bcSimulatorFile(config.dataDir)]) removeDatabase(file);
        // Refreshes bring changed products, not removed ones: the old ERP's would linger in the index.
        rmSync(catalogSnapshotFile(config.dataDir), { force: true });
        resetFilesDemo(config.dataDir);
      }
      if (flags.erp === LOCAL_ERP_TYPE) {
        await loadLocal(config);
        const local = { ...config, erp: { type: LOCAL_ERP_TYPE, settings: {} } };
        await processExamples(local, flags.examples);
        if (flags.serve) await serveWorkspace(local, Number(flags.port));
        return;
      }
      if (flags.erp === FILES_ERP_TYPE) {
        await processExamples({ ...config, erp: { type: FILES_ERP_TYPE, settings: demoFilesSettings(config.dataDir) } }, flags.examples);
        print(`Offer documents (UBL 2.1 Quotations) in ${demoOutbox(config.dataDir)}`);
        return;
      }
      const sim = await DEMO_SIMULATORS[flags.erp]!(config.dataDir);
      print(`${sim.where}, holding the demo wholesaler`);
      try {
        await processExamples({ ...config, erp: { type: flags.erp, settings: { ...config.erp.settings, ...sim.settings } } }, flags.examples);
      } finally {
        await sim.close();
      }
    });
}
