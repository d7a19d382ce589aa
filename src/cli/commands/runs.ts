import { InvalidArgumentError, type Command } from 'commander';
import type { StoredRun } from '../../workflow/run-store.js';
import { toResult } from '../../workflow/result.js';
import { print, printJson, withApp } from '../context.js';
import { renderResult } from '../format/result-view.js';
import { renderTable } from '../format/table.js';
import { terminalSafe } from '../format/terminal-safe.js';

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

function resultOf(run: StoredRun) {
  return toResult(run.context, run.status === 'running' || run.status === 'queued' ? 'failed' : run.status);
}

/** What a reviewer needs beyond the result: the candidates for each line that found no product. */
function alternatives(run: StoredRun): string[] {
  return run.context.matches.flatMap((match, i) =>
    match.product || match.alternatives.length === 0
      ? []
      : [`line ${i + 1} candidates: ${match.alternatives.map((a) => `${a.sku} ${a.name} (${a.confidence})`).join('; ')}`],
  );
}

function renderRun(run: StoredRun): string {
  const steps = renderTable(
    ['Step', 'Status', 'ms', 'Note'],
    run.context.steps.map((s) => [s.name, s.status, s.ms, s.message]),
  );
  const header = `Run ${run.id} [${run.status}]  ${run.key.mailbox} ${terminalSafe(run.key.messageId, 'escape')}  ${run.createdAt}`;
  return [header, renderResult(resultOf(run), run.subject), ...alternatives(run), steps].join('\n');
}

export function registerRuns(program: Command): void {
  const runs = program.command('runs').description('one run per email: what each step found');
  runs
    .command('list')
    .description('the latest runs, newest first')
    .option('--limit <n>', 'how many', positiveInteger, 50)
    .option('--json', 'print JSON')
    .action(async (flags: { limit: number; json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const list = await app.runs.list(flags.limit);
        if (flags.json) {
          return printJson(list.map((r) => ({ id: r.id, status: r.status, subject: r.subject, offerNumber: r.context.offer?.number ?? null, createdAt: r.createdAt })));
        }
        print(
          list.length
            ? renderTable(
                ['Run', 'Status', 'Offer', 'Customer', 'Subject', 'Created'],
                list.map((r) => [r.id, r.status, r.context.offer?.number ?? null, r.context.customer?.name ?? null, r.subject.slice(0, 40), r.createdAt]),
              )
            : 'No runs yet.',
        );
      });
    });
  runs
    .command('show')
    .description('one run: its result, every step, and what to review')
    .argument('<id>', 'run id')
    .option('--json', 'print the result JSON')
    .action(async (id: string, flags: { json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const run = await app.runs.get(Number.parseInt(id, 10));
        if (!run) throw new Error(`run ${id} not found`);
        if (flags.json) printJson(resultOf(run));
        else print(renderRun(run));
      });
    });
}
