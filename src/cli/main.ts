#!/usr/bin/env node
import { buildProgram } from './program.js';

/** Expected failures (bad config, bad import file, unknown offer) print their message, not a stack. */
buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`offerflow: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
