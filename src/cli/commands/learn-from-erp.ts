import { InvalidArgumentError, type Command } from 'commander';
import type { PassOutcome } from '../../learning/leased-pass.js';
import { print, printJson, withApp } from '../context.js';
import { renderTable } from '../format/table.js';

function days(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of days above 0');
  return n;
}

function render(outcome: PassOutcome): string {
  if (outcome.kind === 'held') return `Another process (${outcome.holder}) is reading the offers back now; try again after ${outcome.until}.`;
  if (outcome.kind === 'recent') return `A pass ended at ${outcome.at}.`;
  const { read, learned, failed } = outcome.summary;
  const lines = [`Read ${read} ${read === 1 ? 'offer' : 'offers'} back from the ERP; learned ${learned.length}.`];
  if (learned.length) {
    lines.push(renderTable(['Run', 'Offer', 'Row', 'Customer', 'Their words', 'Was', 'Now'], learned.map((l) => [l.runId, l.offerNumber, l.position, l.customerNumber, l.text, l.from, l.to])));
  }
  for (const f of failed) lines.push(`run ${f.runId}: not read: ${f.error}`);
  return lines.join('\n');
}

export function registerLearnFromErp(program: Command): void {
  program
    .command('learn-from-erp')
    .description("read back the offers of recent runs, and learn each product a salesperson replaced in the ERP itself")
    .option('--days <n>', 'runs created in this many last days (default: learning.readBackDays, 30)', days)
    .option('--json', 'print JSON')
    .action(async (flags: { days?: number; json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const outcome = await app.learnFromErp({ days: flags.days ?? app.config.learning.readBackDays, doneAfter: null });
        if (flags.json) printJson(outcome);
        else print(render(outcome));
        if (outcome.kind === 'held') process.exitCode = 1;
      });
    });
}
