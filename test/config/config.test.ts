import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { tempDataDir } from '../support/seller.js';

const ERP_TYPES = ['local', 'lemonsoft'];

function load(env: Record<string, string> = {}, sources: { dataDir?: string; configFile?: string } = {}) {
  return loadConfig({ env, erpTypes: ERP_TYPES, ...sources });
}

describe('loadConfig', () => {
  it('runs on defaults with the data directory ./.offerflow', () => {
    const config = load();
    expect(config.dataDir).toBe(resolve('.offerflow'));
    expect(config.erp.type).toBe('local');
    expect(config.currency).toBe('EUR');
    expect(config.timeZone).toBe('Europe/Helsinki');
  });

  it('takes the data directory from the flag before the environment', () => {
    expect(load({ OFFERFLOW_DATA_DIR: '/tmp/from-env' }).dataDir).toBe('/tmp/from-env');
    expect(load({ OFFERFLOW_DATA_DIR: '/tmp/from-env' }, { dataDir: '/tmp/from-flag' }).dataDir).toBe('/tmp/from-flag');
  });

  it('reads the config file in the data directory, and the environment overrides it', () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'offerflow.json'), JSON.stringify({ offerValidityDays: 14, mailbox: 'rfq@x.fi', erp: { type: 'lemonsoft', settings: { url: 'http://erp' } } }));

    const config = load({ OFFERFLOW_OFFER_VALIDITY_DAYS: '21' }, { dataDir });

    expect(config.offerValidityDays).toBe(21);
    expect(config.mailbox).toBe('rfq@x.fi');
    expect(config.erp).toEqual({ type: 'lemonsoft', settings: { url: 'http://erp' } });
  });

  it("fills the ERP adapter's settings from OFFERFLOW_ERP_* variables, over the config file", () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'offerflow.json'), JSON.stringify({ erp: { type: 'lemonsoft', settings: { baseUrl: 'http://file', offerType: 7 } } }));

    const config = load({ OFFERFLOW_ERP_BASE_URL: 'http://env/Lemonsoft30', OFFERFLOW_ERP_API_KEY: 'k', OFFERFLOW_ERP_PASSWORD: '' }, { dataDir });

    expect(config.erp.settings).toEqual({ baseUrl: 'http://env/Lemonsoft30', offerType: 7, apiKey: 'k' });
    expect(load().erp.settings).toEqual({});
  });

  it('reads the mailboxes to watch and the service settings, with defaults, from the file and the environment', () => {
    const dataDir = tempDataDir();
    writeFileSync(
      join(dataDir, 'offerflow.json'),
      JSON.stringify({ mailboxes: [{ type: 'directory', name: 'rfq@x.fi', path: '/srv/mail/rfq' }], service: { pollSeconds: 5 } }),
    );

    const config = load({ OFFERFLOW_WORKERS: '4' }, { dataDir });

    expect(config.mailboxes).toEqual([{ type: 'directory', name: 'rfq@x.fi', path: '/srv/mail/rfq', doneFolder: 'done', mode: 'review', replies: { policy: 'on_approval', from: null, copySalesperson: true } }]);
    expect(config.service).toMatchObject({ workers: 4, pollSeconds: 5, maxAttempts: 8 });
    expect(load().service.workers).toBe(2);
  });

  it('names a bad mailbox', () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'offerflow.json'), JSON.stringify({ mailboxes: [{ type: 'directory', name: 'a', path: '/x', mode: 'yolo' }] }));
    expect(() => load({}, { dataDir })).toThrow(/mailboxes\.0\.mode/);
  });

  it.each([
    [{ ERP_TYPE: 'sap' }, "environment variable ERP_TYPE: must be one of: local, lemonsoft"],
    [{ OFFERFLOW_CURRENCY: 'euro' }, 'environment variable OFFERFLOW_CURRENCY'],
    [{ OFFERFLOW_TIME_ZONE: 'Mars/Olympus' }, 'environment variable OFFERFLOW_TIME_ZONE'],
    [{ OFFERFLOW_AUTO_ACCEPT_THRESHOLD: '1.5' }, 'environment variable OFFERFLOW_AUTO_ACCEPT_THRESHOLD'],
  ])('names the environment variable of a bad value %o', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it('turns on an LLM from the environment, with a default timeout', () => {
    expect(load().llm).toBeNull();
    expect(load({ OFFERFLOW_LLM_PROVIDER: 'anthropic', OFFERFLOW_LLM_MODEL: 'claude-sonnet-4-5' }).llm).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      timeoutMs: 20_000,
    });
    expect(() => load({ OFFERFLOW_LLM_PROVIDER: 'skynet', OFFERFLOW_LLM_MODEL: 'x' })).toThrow('environment variable OFFERFLOW_LLM_PROVIDER');
    expect(() => load({ OFFERFLOW_LLM_PROVIDER: 'openai' })).toThrow('llm.model');
  });

  it('names the file and key of a bad value in the config file', () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'offerflow.json');
    writeFileSync(file, JSON.stringify({ offerValidityDays: 'forever' }));
    expect(() => load({}, { dataDir })).toThrow(`${file} key 'offerValidityDays'`);
    writeFileSync(file, JSON.stringify({ preferredBrands: { 'SAHKO-ASENNUS': [] } }));
    expect(() => load({}, { dataDir })).toThrow(`${file} key 'preferredBrands', at 'preferredBrands.SAHKO-ASENNUS'`);
    writeFileSync(file, JSON.stringify({ preferredBrands: { 'SAHKO-ASENNUS': ['Elvora'] } }));
    expect(load({}, { dataDir }).preferredBrands).toEqual({ 'SAHKO-ASENNUS': ['Elvora'] });
  });

  it('names a config file that is not valid JSON, and one given but missing', () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'broken.json');
    writeFileSync(file, '{ "currency": ');
    expect(() => load({}, { configFile: file })).toThrow(`Config file ${file} cannot be used`);
    expect(() => load({ OFFERFLOW_CONFIG: join(dataDir, 'missing.json') })).toThrow('missing.json');
  });
});
