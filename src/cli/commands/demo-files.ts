import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { filesErpDir } from '../../erp/files/adapter.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** Where the demo on the files ERP leaves its offer documents. */
export function demoOutbox(dataDir: string): string {
  return join(dataDir, 'outbox');
}

export function resetFilesDemo(dataDir: string): void {
  rmSync(filesErpDir(dataDir), { recursive: true, force: true });
  rmSync(demoOutbox(dataDir), { recursive: true, force: true });
}

/**
 * The demo wholesaler as an ERP that hands over files: its export folder is the demo's own data
 * (already in Offerflow's column names, so no mapping is needed), its import reads the outbox.
 * Offers are numbered as the embedded ERP numbers them, so both demos print the same.
 */
export function demoFilesSettings(dataDir: string): Record<string, unknown> {
  mkdirSync(demoOutbox(dataDir), { recursive: true });
  return {
    exportDir: join(PACKAGE_ROOT, 'demo', 'data'),
    outboxDir: demoOutbox(dataDir),
    sellerName: 'Teknotukku Oy',
    sellerBusinessId: '2786402-8',
    firstOfferNumber: 10001,
  };
}
