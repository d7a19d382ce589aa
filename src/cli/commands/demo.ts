import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { localErpFile } from '../../erp/local/adapter.js';
import { storeFile } from '../../store/open-store.js';
import type { RunStatus } from '../../workflow/result.js';
import { configOf, print, withApp } from '../context.js';
import { renderResult } from '../format/result-view.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { importInto } from './import.js';
import { processFile } from './process.js';

/** Persons before customers (their seller), products before price lists, as a real ERP load goes. */
const DEMO_IMPORTS = ['persons', 'products', 'customers', 'pricelists'] as const;

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the demo wholesaler into the embedded ERP and turn the sample emails into offers')
    .option('--reset', 'start from empty databases in the data directory')
    .option('--examples <dir>', 'folder of .eml files', join(PACKAGE_ROOT, 'examples'))
    .action(async (flags: { reset?: boolean; examples: string }, command: Command) => {
      const config = configOf(command);
      if (flags.reset) {
        removeDatabase(localErpFile(config.dataDir));
        removeDatabase(storeFile(config.dataDir));
      }
      for (const kind of DEMO_IMPORTS) {
        const summary = await importInto(config.dataDir, kind, join(PACKAGE_ROOT, 'demo', 'data', `${kind}.csv`));
        print(`Imported ${summary.records} ${kind}`);
      }
      const emails = readdirSync(flags.examples).filter((f) => f.endsWith('.eml')).sort();
      const counts = new Map<RunStatus, number>();
      await withApp(command, async (app) => {
        const runner = app.runner({ dryRun: false });
        for (const name of emails) {
          const result = await processFile(runner, join(flags.examples, name), app.config.mailbox, false);
          counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
          print(`\n${renderResult(result, name)}`);
        }
      });
      print(`\n${emails.length} emails: ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`);
      print(`Data directory: ${config.dataDir}  (try: offerflow runs list --data-dir ${config.dataDir})`);
    });
}
