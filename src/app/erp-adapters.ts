import { BC_ERP_TYPE, openBcErp } from '../erp/bc/adapter.js';
import { FILES_ERP_TYPE, openFilesErp } from '../erp/files/adapter.js';
import { LEMONSOFT_ERP_TYPE, openLemonsoftErp } from '../erp/lemonsoft/adapter.js';
import type { OfferCreationJournal } from '../erp/lemonsoft/offer-creation-journal.js';
import { LOCAL_ERP_TYPE, openLocalErp } from '../erp/local/adapter.js';
import type { ErpAdapter } from '../erp/ports.js';
import type { Clock } from '../time/clock.js';

/** What the composition root offers an adapter as it opens it; each adapter takes the part it needs. */
export interface ErpOpenContext {
  dataDir: string;
  /** Adapter-specific settings from the config's `erp.settings`. */
  settings: Record<string, unknown>;
  journal: OfferCreationJournal;
  clock: Clock;
}

type OpenErp = (context: ErpOpenContext) => Promise<ErpAdapter>;

/** Every ERP the product ships, by its `erp.type`. Adding an ERP = writing its adapter and naming it here; the workflow never changes. */
const SHIPPED_ERPS: ReadonlyMap<string, OpenErp> = new Map<string, OpenErp>([
  [LOCAL_ERP_TYPE, openLocalErp],
  [LEMONSOFT_ERP_TYPE, openLemonsoftErp],
  [BC_ERP_TYPE, openBcErp],
  [FILES_ERP_TYPE, openFilesErp],
]);

export function knownErpTypes(): string[] {
  return [...SHIPPED_ERPS.keys()].sort();
}

export async function openErp(type: string, context: ErpOpenContext): Promise<ErpAdapter> {
  const open = SHIPPED_ERPS.get(type);
  if (!open) throw new Error(`ERP type '${type}' is not registered; known types: ${knownErpTypes().join(', ')}`);
  return open(context);
}
