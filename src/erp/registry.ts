import type { ErpAdapter, OfferCreationJournal } from './ports.js';

export interface ErpOpenContext {
  dataDir: string;
  /** Adapter-specific settings from the config's `erp.settings`. */
  settings: Record<string, unknown>;
  journal: OfferCreationJournal;
}

export type ErpFactory = (context: ErpOpenContext) => Promise<ErpAdapter>;

const factories = new Map<string, ErpFactory>();

/** Adding an ERP = writing its adapter and registering it here; the workflow never changes. */
export function registerErp(type: string, factory: ErpFactory): void {
  factories.set(type, factory);
}

export function knownErpTypes(): string[] {
  return [...factories.keys()].sort();
}

export async function openErp(type: string, context: ErpOpenContext): Promise<ErpAdapter> {
  const factory = factories.get(type);
  if (!factory) {
    throw new Error(`ERP type '${type}' is not registered; known types: ${knownErpTypes().join(', ')}`);
  }
  return factory(context);
}
