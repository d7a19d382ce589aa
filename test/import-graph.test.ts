import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from './support/fixtures.js';
import { importEdges, layerViolations, type LayerRule } from './support/import-graph.js';

const ROOT = join(import.meta.dirname, '..');
const INNER = ['src/domain', 'src/workflow', 'src/matching', 'src/pricing', 'src/extraction', 'src/accounts', 'src/learning', 'src/insight'];
const OUTER = ['src/store', 'src/server', 'src/cli', 'src/app', 'src/web'];
/** An adapter is any folder of `src/erp`: the ports sit beside them. */
const isAdapter = (path: string) => /^src\/erp\/[^/]+\//.test(path);

/** Dependencies point inward: the core of Offerflow knows the ERP only by its ports. */
const RULES: LayerRule[] = [
  { layers: INNER, forbids: isAdapter, why: 'the core reaches an ERP adapter' },
  { layers: INNER, forbids: (to) => OUTER.some((outer) => to.startsWith(`${outer}/`)), why: 'the core reaches infrastructure or the composition root' },
  { layers: ['src/store'], forbids: (to) => to.startsWith('src/web/') || to.startsWith('src/server/'), why: 'the store reaches the web or the server' },
  { layers: ['src/web'], forbids: (to) => ['src/store/', 'src/cli/', 'src/app/', 'src/server/'].some((outer) => to.startsWith(outer)) || isAdapter(to), why: 'the web reaches past the ports' },
  { layers: ['src/workflow'], forbids: (to) => to.startsWith('src/erp/') && to !== 'src/erp/ports.ts', why: 'the workflow uses the ERP only through its ports' },
];

describe('the import graph', () => {
  it('keeps the layers: domain, workflow, matching, pricing, extraction, accounts, learning and insight reach no adapter, store, server, CLI, app or web; the web reaches only ports', () => {
    const edges = importEdges(ROOT);
    expect(edges.length).toBeGreaterThan(100);
    expect(layerViolations(edges, RULES)).toEqual([]);
  });

  it('names each wrong import of a tree that breaks the rules', () => {
    expect(layerViolations(importEdges(fixturePath('import-graph')), RULES).sort()).toEqual([
      'src/domain/offer.ts → src/store/run-store.ts: the core reaches infrastructure or the composition root',
      'src/workflow/create-offer.ts → src/erp/local/local-offers.ts: the core reaches an ERP adapter',
      'src/workflow/create-offer.ts → src/erp/local/local-offers.ts: the workflow uses the ERP only through its ports',
    ]);
  });
});
