import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { WorkflowRunner } from '../../workflow/runner.js';
import { failureOf } from '../../domain/failure.js';
import { failedResult, type WorkflowResult } from '../../workflow/result.js';
import { renderResult } from '../format/result-view.js';
import { print, printJson, withApp } from '../context.js';

interface ProcessFlags {
  json?: boolean;
  dryRun?: boolean;
}

/**
 * One mail's trouble (unreadable, corrupt) becomes that mail's failed result, named by
 * `label` (a file, a mailbox id), never the batch's end.
 */
export async function processMail(runner: WorkflowRunner, label: string, read: () => Promise<Buffer>, mailbox: string, dryRun: boolean): Promise<WorkflowResult> {
  try {
    return (await runner.process(await read(), { mailbox, dryRun })).result;
  } catch (error) {
    const failure = failureOf(error);
    return failedResult({ ...failure, message: `${label}: ${failure.message}` });
  }
}

export function processFile(runner: WorkflowRunner, file: string, mailbox: string, dryRun: boolean): Promise<WorkflowResult> {
  return processMail(runner, file, () => readFile(file), mailbox, dryRun);
}

export function registerProcess(program: Command): void {
  program
    .command('process')
    .description('turn request-for-quotation emails (.eml) into offers, in the order given')
    .argument('<files...>', '.eml files')
    .option('--json', 'print one JSON result per email, one per line')
    .option('--dry-run', 'run every step but write nothing: no offer in the ERP, no run record')
    .action(async (files: string[], flags: ProcessFlags, command: Command) => {
      await withApp(command, async (app) => {
        const dryRun = flags.dryRun ?? false;
        const runner = app.runner({ dryRun });
        let failed = 0;
        for (const file of files) {
          const result = await processFile(runner, file, app.config.mailbox, dryRun);
          if (!result.success) failed += 1;
          if (flags.json) printJson(result);
          else print(renderResult(result, file));
        }
        if (failed) process.exitCode = 1;
      });
    });
}
