import type { Command } from 'commander';
import { print, withApp } from '../context.js';

export function registerCorrect(program: Command): void {
  program
    .command('correct')
    .description("teach the right product for a line of a run; the customer's words then match it first")
    .argument('<run>', 'run id (see: offerflow runs list)')
    .argument('<line>', 'line number in the run, from 1')
    .argument('<sku>', 'the product the customer meant')
    .action(async (runId: string, lineNumber: string, sku: string, _flags: unknown, command: Command) => {
      await withApp(command, async (app) => {
        const run = await app.runs.get(Number.parseInt(runId, 10));
        if (!run) throw new Error(`run ${runId} not found`);
        const index = Number.parseInt(lineNumber, 10) - 1;
        const line = run.context.requestedLines[index];
        if (!line) throw new Error(`run ${run.id} has lines 1 to ${run.context.requestedLines.length}, not ${lineNumber}`);
        const product = await app.erp.products.getBySku(sku);
        if (!product) throw new Error(`no product ${sku} in the ${app.erp.type} ERP`);
        const customer = run.context.customer;
        await app.memory.remember({ customerNumber: customer?.number ?? null, description: line.description, code: line.code, sku });
        await app.runner({ dryRun: false }).revise(run.id, async (current) => {
          const matches = current.context.matches.map((m, i) => (i === index ? { product, confidence: 1, method: 'learned' as const, alternatives: [] } : m));
          return { save: { context: { ...current.context, matches }, status: current.status }, answer: undefined };
        });
        print(`Learned: "${line.text}" is ${product.sku} ${product.name}${customer ? ` for ${customer.name}` : ''} (and, less surely, for every customer).`);
        if (run.context.offer) print(`Offer ${run.context.offer.number} in the ERP is unchanged; correct the row there.`);
      });
    });
}
