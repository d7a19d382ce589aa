import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { MailboxConfig } from '../../config/config.js';
import { isMailboxMode, MAILBOX_MODES, modeRules } from '../../domain/mailbox-mode.js';
import type { MailSource } from '../../email/mail-source.js';
import type { Clock } from '../../time/clock.js';
import { DirectorySource } from '../../email/sources/directory-source.js';
import { openMailSource } from '../../email/sources/open-source.js';
import type { RunStatus, WorkflowResult } from '../../workflow/result.js';
import { print, printJson, withApp } from '../context.js';
import { renderResult } from '../format/result-view.js';
import { mailProcessor } from './process.js';

interface ReplayFlags {
  mode: string;
  json?: boolean;
  quiet?: boolean;
}

function sourceOf(source: string, mailboxes: MailboxConfig[], clock: Clock): { name: string; mails: MailSource } {
  const configured = mailboxes.find((m) => m.name === source);
  if (configured) return { name: configured.name, mails: openMailSource(configured, clock) };
  if (existsSync(source) && statSync(source).isDirectory()) return { name: `replay:${source}`, mails: new DirectorySource(source, 'done', clock, 0) };
  throw new Error(`'${source}' is neither a folder nor a configured mailbox (${mailboxes.map((m) => m.name).join(', ') || 'none configured'})`);
}

/** What a batch came to: the figures to compare one setup with another. */
function summary(results: WorkflowResult[], seconds: number): string {
  const count = (status: RunStatus) => results.filter((r) => r.status === status).length;
  const lines = results.flatMap((r) => r.lines);
  const matched = lines.filter((l) => l.match).length;
  const requests = results.filter((r) => r.status !== 'not_an_rfq').length;
  const touchless = requests ? count('created') / requests : 0;
  return [
    `REPLAY mails=${results.length} created=${count('created')} needs_review=${count('needs_review')} not_an_rfq=${count('not_an_rfq')}`,
    `failed=${count('failed')} duplicate=${count('duplicate')} lines=${lines.length} matched=${matched} touchless=${touchless.toFixed(3)} seconds=${seconds.toFixed(1)}`,
  ].join(' ');
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('run a batch of mails (a folder of .eml files or a configured mailbox) and print what it came to; mails stay where they are')
    .argument('<source>', 'folder of .eml files, or the name of a mailbox in the config')
    .option('--mode <mode>', 'shadow writes nothing anywhere; review and auto create offers as the service would', 'shadow')
    .option('--json', 'one JSON result per mail, then the summary')
    .option('--quiet', 'only the summary')
    .action(async (source: string, flags: ReplayFlags, command: Command) => {
      const { mode } = flags;
      if (!isMailboxMode(mode)) throw new Error(`--mode must be one of ${MAILBOX_MODES.join(', ')}`);
      const { dryRun } = modeRules(mode);
      await withApp(command, async (app) => {
        const { name, mails } = sourceOf(source, app.config.mailboxes, app.clock);
        const processMail = mailProcessor(app, { mailbox: name, dryRun });
        const started = app.clock.monotonicMs();
        const results: WorkflowResult[] = [];
        try {
          for (const mail of await mails.list()) {
            const result = await processMail(mail.id, () => mail.raw());
            results.push(result);
            if (flags.json) printJson(result);
            else if (!flags.quiet) print(renderResult(result, mail.id));
          }
        } finally {
          await mails.close();
        }
        print(summary(results, (app.clock.monotonicMs() - started) / 1000));
      });
    });
}
