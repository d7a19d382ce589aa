import type { RequestedLine } from '../../domain/requested-line.js';
import { mailWords, matchLine, type MatchSources } from '../../matching/match-line.js';
import { defineStep, type StepContext, type StepEnvironment } from '../step.js';

/** A phrase taught for another customer is likely, not certain, to mean the same here. */
const EVERYONE_CONFIDENCE = 0.9;

async function sourcesFor(context: StepContext<'customer'>, env: StepEnvironment): Promise<MatchSources> {
  const products = env.erp.products;
  const customerNumber = context.customer?.number ?? null;
  return {
    index: await env.catalog(),
    findByCode: (code) => products.findByCode(code),
    preferredBrands: (group) => (group === null ? [] : (env.settings.preferredBrands[group] ?? [])),
    customerCode: async (code) => {
      const hit = customerNumber ? await env.memory.recall({ customerNumber, description: '', code }) : null;
      const product = hit?.scope === 'customer' ? await products.getBySku(hit.sku) : null;
      return product && { product, learnedFrom: hit!.learnedFrom };
    },
    learned: async ({ description, code }: RequestedLine) => {
      const hit = await env.memory.recall({ customerNumber, description, code });
      const product = hit && (await products.getBySku(hit.sku));
      return product ? { product, confidence: hit.scope === 'customer' ? 1 : EVERYONE_CONFIDENCE, learnedFrom: hit.learnedFrom } : null;
    },
  };
}

export const matchProducts = defineStep({
  name: 'match_products',
  reads: ['requestedLines', 'customer'],
  writes: ['matches'],
  async run(context, env) {
    const sources = await sourcesFor(context, env);
    const matches = [];
    const review: string[] = [];
    const words = mailWords(context.requestedLines);
    for (const [i, line] of context.requestedLines.entries()) {
      const match = await matchLine(line, sources, env.settings.autoAcceptThreshold, words.besides(i));
      matches.push(match);
      if (!match.product) {
        const guess = match.alternatives[0];
        const hint = guess ? `; best guess ${guess.sku} ${guess.name} (${guess.confidence})` : '';
        review.push(`line ${i + 1} "${line.text}" has no confident product match${hint}`);
      }
    }
    return { patch: { matches }, review };
  },
});
