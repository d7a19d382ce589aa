import type { Command } from 'commander';
import { importCustomerCodes } from '../../app/customer-codes.js';
import { LOCAL_ERP_TYPE, openLocalErp } from '../../erp/local/adapter.js';
import { importFile, type ImportSummary } from '../../import/import-file.js';
import { IMPORT_KINDS, isImportKind } from '../../import/kinds.js';
import { systemClock, type Clock } from '../../time/clock.js';
import { configOf, print, withApp } from '../context.js';

const CUSTOMER_CODES = 'customer-codes';

/** Import writes master data into the embedded ERP; a real ERP keeps its own master data. */
export async function importInto(dataDir: string, kind: string, file: string, clock: Clock): Promise<ImportSummary> {
  if (!isImportKind(kind)) throw new Error(`unknown import kind '${kind}'; use one of: ${[...Object.keys(IMPORT_KINDS), CUSTOMER_CODES].join(', ')}`);
  const erp = await openLocalErp({ dataDir, clock });
  try {
    return await importFile(erp.masterData, kind, file, (rows) => process.stderr.write(`${file}: ${rows} rows read\n`));
  } finally {
    await erp.close();
  }
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      `import master data into the embedded ERP from CSV or XLSX (all-or-nothing, updates by key); ${CUSTOMER_CODES} (customer, code, sku, description) go to Offerflow's own store and work with any ERP`,
    )
    .argument('<kind>', [...Object.keys(IMPORT_KINDS), CUSTOMER_CODES].join(' | '))
    .argument('<file>', '.csv or .xlsx file with a header row')
    .action(async (kind: string, file: string, _flags: unknown, command: Command) => {
      if (kind === CUSTOMER_CODES) {
        const rows = await withApp(command, (app) => importCustomerCodes(file, app.erp, app.memory, (read) => process.stderr.write(`${file}: ${read} rows read\n`)));
        print(`Imported ${rows} customer codes from ${file}`);
        return;
      }
      const config = configOf(command);
      if (config.erp.type !== LOCAL_ERP_TYPE) {
        throw new Error(`import fills the embedded '${LOCAL_ERP_TYPE}' ERP, but ERP_TYPE is '${config.erp.type}'`);
      }
      const summary = await importInto(config.dataDir, kind, file, systemClock);
      print(`Imported ${summary.records} ${summary.kind} from ${file}`);
    });
}
