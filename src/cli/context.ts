import type { Command } from 'commander';
import { knownErpTypes } from '../app/erp-adapters.js';
import { openApp, type App } from '../app/open-app.js';
import { loadConfig, type Config } from '../config/config.js';
import { systemClock } from '../time/clock.js';
import { jsonSafe, terminalSafe } from './format/terminal-safe.js';

interface GlobalOptions {
  dataDir?: string;
  config?: string;
}

/** The config for this invocation: flags over environment over config file over defaults. */
export function configOf(command: Command): Config {
  const options = command.optsWithGlobals<GlobalOptions>();
  return loadConfig({ dataDir: options.dataDir, configFile: options.config, env: process.env, erpTypes: knownErpTypes() });
}

export async function withApp<T>(command: Command | Config, work: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp('dataDir' in command ? command : configOf(command), { clock: systemClock });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Everything the CLI prints passes here: what came from a mail is shown, never acted on by the terminal. */
export function print(text: string): void {
  const safe = terminalSafe(text);
  process.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${jsonSafe(JSON.stringify(value))}\n`);
}
