import type { Command } from 'commander';
import { DEFAULT_RETRY_POLICY } from '../../queue/job-queue.js';
import { print, printJson, withApp } from '../context.js';
import { renderTable } from '../format/table.js';

export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description("the service's job queue");
  jobs
    .command('list')
    .description('how many jobs wait, run and gave up, and why each dead letter gave up')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withApp(command, async (app) => {
        const queue = app.jobs(DEFAULT_RETRY_POLICY);
        const [counts, dead] = await Promise.all([queue.counts(), queue.dead()]);
        if (flags.json) return printJson({ ...counts, deadLetters: dead });
        print(`queued ${counts.queued}, active ${counts.active}, dead ${counts.dead}`);
        if (dead.length) print(renderTable(['Run', 'Mailbox', 'Tries', 'Cause', 'Why'], dead.map((d) => [d.runId, d.mailbox, d.attempts, d.code, d.error.slice(0, 100)])));
      });
    });
  jobs
    .command('revive')
    .description('queue a dead letter again from its first try (once the ERP or mail server is back)')
    .argument('<run>', 'run id')
    .action(async (run: string, _flags: unknown, command: Command) => {
      await withApp(command, async (app) => {
        if (!(await app.jobs(DEFAULT_RETRY_POLICY).revive(Number.parseInt(run, 10)))) throw new Error(`run ${run} has no dead job`);
        print(`Run ${run} is queued again; a running service takes it up.`);
      });
    });
}
