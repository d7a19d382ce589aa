import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { App } from '../../app/open-app.js';
import type { ProcessOptions } from '../../workflow/runner.js';
import { failureOf } from '../../domain/failure.js';
import { failedResult, type WorkflowResult } from '../../workflow/result.js';
import { renderResult } from '../format/result-view.js';
import { print, printJson, withApp } from '../context.js';

interface ProcessFlags {
  json?: boolean;
  dryRun?: boolean;
}

/** One mail of a batch run in the foreground, named by `label` (a file, a mailbox id). */
export type ProcessMail = (label: string, read: () => Promise<Buffer>) => Promise<WorkflowResult>;

/**
 * Runs a batch's mails, all with the same options: their `dryRun` alone decides both that
 * nothing is written to the ERP and that the runs are kept in memory only. One mail's trouble
 * (unreadable, corrupt) becomes that mail's failed result, never the batch's end.
 */
export function mailProcessor(app: App, options: Required<ProcessOptions>): ProcessMail {
  const runner = app.runner({ dryRun: options.dryRun });
  return async (label, read) => {
    try {
      return (await runner.process(await read(), options)).result;
    } catch (error) {
      const failure = failureOf(error);
      return failedResult({ ...failure, message: `${label}: ${failure.message}` });
    }
  };
}

export function processFile(processMail: ProcessMail, file: string): Promise<WorkflowResult> {
  return processMail(file, () => readFile(file));
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
        const processMail = mailProcessor(app, { mailbox: app.config.mailbox, dryRun: flags.dryRun ?? false });
        let failed = 0;
        for (const file of files) {
          const result = await processFile(processMail, file);
          if (!result.success) failed += 1;
          if (flags.json) printJson(result);
          else print(renderResult(result, file));
        }
        if (failed) process.exitCode = 1;
      });
    });
}
