import type { Command } from 'commander';
import { openApp, type App } from '../app/open-app.js';
import { loadConfig, type Config } from '../config/config.js';
import { knownErpTypes } from '../erp/registry.js';

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
  const app = await openApp('dataDir' in command ? command : configOf(command));
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
