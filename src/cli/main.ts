#!/usr/bin/env node
import { redactSecrets } from '../domain/redact.js';
import { terminalSafe } from './format/terminal-safe.js';
import { buildProgram } from './program.js';

/** Expected failures (bad config, bad import file, unknown offer) print their message, not a stack. */
buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`offerflow: ${terminalSafe(redactSecrets(error instanceof Error ? error.message : String(error)))}\n`);
    process.exitCode = 1;
  });
