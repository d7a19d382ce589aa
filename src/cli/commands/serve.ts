import { once } from 'node:events';
import type { Command } from 'commander';
import { serviceLogger } from '../../server/logger.js';
import { startService } from '../../server/service.js';
import { systemClock } from '../../time/clock.js';
import { configOf } from '../context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run as a service: watch the configured mailboxes, work the queue, answer /healthz, /readyz and /metrics, and serve the workspace')
    .option('--port <n>', 'HTTP port (0 picks a free one)', '8080')
    .option('--host <host>', 'HTTP address', '127.0.0.1')
    .option('--no-mailboxes', 'only work the queue; other processes watch the mailboxes')
    .option('--no-ui', 'no workspace: only /healthz, /readyz and /metrics')
    .action(async (flags: { port: string; host: string; mailboxes: boolean; ui: boolean }, command: Command) => {
      const log = serviceLogger();
      const service = await startService(configOf(command), { port: Number(flags.port), host: flags.host, log, withoutMailboxes: !flags.mailboxes, withoutUi: !flags.ui, clock: systemClock });
      await Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')]);
      await service.stop();
      log.flush();
    });
}
