import { matchLine } from '../../matching/match-line.js';
import type { WorkflowStep } from '../step.js';

export const matchProducts: WorkflowStep = {
  name: 'match_products',
  async run(context, env) {
    const index = await env.catalog();
    const sources = { index, findByCode: (code: string) => env.erp.products.findByCode(code) };
    const matches = [];
    const review: string[] = [];
    for (const [i, line] of context.requestedLines.entries()) {
      const match = await matchLine(line, sources, env.settings.autoAcceptThreshold);
      matches.push(match);
      if (!match.product) {
        const guess = match.alternatives[0];
        const hint = guess ? `; best guess ${guess.sku} ${guess.name} (${guess.confidence})` : '';
        review.push(`line ${i + 1} "${line.text}" has no confident product match${hint}`);
      }
    }
    return { patch: { matches }, review };
  },
};
