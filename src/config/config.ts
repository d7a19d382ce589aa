import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { WORKSPACE_LANGUAGES } from '../accounts/user.js';
import { MAILBOX_MODES } from '../domain/mailbox-mode.js';
import { LLM_PROVIDERS } from '../extraction/llm/llm-settings.js';
import { letterheadSchema } from '../answer/letterhead.js';
import { REPLY_POLICIES } from '../answer/reply-policy.js';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A mailbox the service watches; `mode` is its rollout step (src/domain/mailbox-mode.ts). */
const mailboxCommon = {
  name: z.string().min(1),
  mode: z.enum(MAILBOX_MODES).default('review'),
  /** When its runs' offers go back to the customers (src/answer/reply-policy.ts), from whom, and who is copied. */
  replies: z
    .object({
      policy: z.enum(REPLY_POLICIES).default('on_approval'),
      from: z.email().nullable().default(null),
      copySalesperson: z.boolean().default(true),
    })
    .prefault({}),
};

const mailboxSchema = z.discriminatedUnion('type', [
  z.object({ ...mailboxCommon, type: z.literal('directory'), path: z.string().min(1), doneFolder: z.string().min(1).default('done') }),
  z
    .object({
      ...mailboxCommon,
      type: z.literal('imap'),
      host: z.string().min(1),
      port: z.coerce.number().int().min(1).max(65_535).default(993),
      secure: z.boolean().default(true),
      user: z.string().min(1),
      /** Or `passwordEnv`: the name of an environment variable holding it, to keep it out of the file. */
      password: z.string().min(1).optional(),
      passwordEnv: z.string().min(1).optional(),
      folder: z.string().min(1).default('INBOX'),
      doneFolder: z.string().min(1).default('Processed'),
    })
    .refine((m) => m.password !== undefined || m.passwordEnv !== undefined, { message: 'needs password or passwordEnv', path: ['password'] }),
  z
    .object({
      ...mailboxCommon,
      type: z.literal('graph'),
      tenantId: z.string().min(1),
      clientId: z.string().min(1),
      /** Or `clientSecretEnv`: the name of an environment variable holding it. */
      clientSecret: z.string().min(1).optional(),
      clientSecretEnv: z.string().min(1).optional(),
      /** The mailbox's address. */
      mailbox: z.string().min(3),
      folder: z.string().min(1).default('inbox'),
      doneFolder: z.string().min(1).default('Processed'),
      authorityUrl: z.url().default('https://login.microsoftonline.com'),
      graphUrl: z.url().default('https://graph.microsoft.com/v1.0'),
    })
    .refine((m) => m.clientSecret !== undefined || m.clientSecretEnv !== undefined, { message: 'needs clientSecret or clientSecretEnv', path: ['clientSecret'] }),
]);
export type MailboxConfig = z.infer<typeof mailboxSchema>;

/** SMTP for telling salespeople what was drafted; off when not configured. */
const notificationsSchema = z
  .object({
    host: z.string().min(1),
    port: z.coerce.number().int().min(1).max(65_535).default(587),
    secure: z.preprocess((v) => (typeof v === 'string' ? v === 'true' : v), z.boolean()).default(false),
    user: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    from: z.string().min(3),
    /** Who hears of runs whose salesperson is unknown. */
    fallbackTo: z.email().optional(),
  })
  .nullable();

const serviceSchema = z.object({
  /** Runs worked on at once in this process. */
  workers: z.coerce.number().int().min(1).max(64).default(2),
  pollSeconds: z.coerce.number().min(0.05).max(3600).default(30),
  maxAttempts: z.coerce.number().int().min(1).max(100).default(8),
  retryBaseSeconds: z.coerce.number().min(0.001).max(3600).default(5),
  retryMaxSeconds: z.coerce.number().min(0.001).max(86_400).default(900),
  leaseSeconds: z.coerce.number().min(0.1).max(3600).default(300),
});

/** Learning from what salespeople change in the ERP's offers themselves (src/learning/erp-read-back.ts). */
const learningSchema = z.object({
  /** The offers of runs created in this many last days are read back. */
  readBackDays: z.coerce.number().min(0.001).max(3650).default(30),
  /** How often `serve` reads them back; 0 never. At most 24 days, the longest a timer waits. */
  readBackHours: z.coerce.number().min(0).max(24 * 24).default(6),
});

/** How much of a mail is read; see reading/mail-limits.ts. */
const limitsSchema = z.object({
  mailMegabytes: z.coerce.number().min(0.01).max(1024).default(50),
  mimeParts: z.coerce.number().int().min(2).max(100_000).default(10_000),
  attachments: z.coerce.number().int().min(0).max(1_000).default(20),
  lines: z.coerce.number().int().min(1).max(100_000).default(500),
  lineCharacters: z.coerce.number().int().min(80).max(1_000_000).default(2_000),
  descriptionCharacters: z.coerce.number().int().min(20).max(10_000).default(200),
  readingSeconds: z.coerce.number().min(0.1).max(3_600).default(20),
});

const booleanish = z.preprocess((v) => (typeof v === 'string' ? v === 'true' : v), z.boolean());

/** The workspace served by `offerflow serve`: sign-in, sessions and the links it hands out. */
const webSchema = z.object({
  /** Where users reach the workspace; the set-password links printed by `offerflow users` start with it. */
  publicUrl: z.url().default('http://127.0.0.1:8080'),
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-For/-Proto for the client address and https. */
  behindProxy: booleanish.default(false),
  sessionIdleMinutes: z.coerce.number().min(1).max(7 * 24 * 60).default(120),
  sessionMaxHours: z.coerce.number().min(0.1).max(30 * 24).default(12),
  passwordLinkHours: z.coerce.number().min(0.1).max(30 * 24).default(72),
  /** For the sign-in page when the browser asks for none of the workspace's languages, and for new users. */
  defaultLanguage: z.enum(WORKSPACE_LANGUAGES).default('fi'),
});

const configSchema = (erpTypes: readonly string[]) =>
  z.object({
    dataDir: z.string().min(1),
    erp: z.object({
      type: z.string().refine((t) => erpTypes.includes(t), { message: `must be one of: ${erpTypes.join(', ')}` }),
      settings: z.record(z.string(), z.unknown()),
    }),
    /** PostgreSQL for runs and learned matches; null keeps them in the data directory's SQLite file. */
    databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').nullable(),
    mailbox: z.string().min(1),
    mailboxes: z.array(mailboxSchema).refine((list) => new Set(list.map((m) => m.name)).size === list.length, 'mailbox names must be unique'),
    service: serviceSchema,
    limits: limitsSchema,
    learning: learningSchema,
    web: webSchema,
    notifications: notificationsSchema,
    /** The seller as the customer's copy of an offer shows it; null until the seller sets it up. */
    letterhead: letterheadSchema.nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as EUR'),
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Helsinki'),
    offerValidityDays: z.coerce.number().int().min(1).max(365),
    defaultSellerNumber: z.string().min(1).nullable(),
    autoAcceptThreshold: z.coerce.number().min(0).max(1),
    /** Per product group, the brands to offer, first choice first, when a request names none. */
    preferredBrands: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
    llm: z
      .object({
        provider: z.enum(LLM_PROVIDERS),
        model: z.string().min(1),
        apiKey: z.string().min(1).optional(),
        baseUrl: z.url().optional(),
        timeoutMs: z.coerce.number().int().min(1000).max(300_000).default(20_000),
      })
      .nullable(),
  });

export type Config = z.infer<ReturnType<typeof configSchema>>;

const DEFAULTS: Omit<Config, 'dataDir'> = {
  erp: { type: 'local', settings: {} },
  databaseUrl: null,
  mailbox: 'cli',
  mailboxes: [],
  service: serviceSchema.parse({}),
  limits: limitsSchema.parse({}),
  learning: learningSchema.parse({}),
  web: webSchema.parse({}),
  notifications: null,
  letterhead: null,
  currency: 'EUR',
  timeZone: 'Europe/Helsinki',
  offerValidityDays: 30,
  defaultSellerNumber: null,
  autoAcceptThreshold: 0.6,
  preferredBrands: {},
  llm: null,
};

/** Environment variables and the config key each one sets. */
const ENV_KEYS: Record<string, string> = {
  ERP_TYPE: 'erp.type',
  OFFERFLOW_DATABASE_URL: 'databaseUrl',
  OFFERFLOW_MAILBOX: 'mailbox',
  OFFERFLOW_WORKERS: 'service.workers',
  OFFERFLOW_SMTP_HOST: 'notifications.host',
  OFFERFLOW_SMTP_PORT: 'notifications.port',
  OFFERFLOW_SMTP_SECURE: 'notifications.secure',
  OFFERFLOW_SMTP_USER: 'notifications.user',
  OFFERFLOW_SMTP_PASSWORD: 'notifications.password',
  OFFERFLOW_NOTIFY_FROM: 'notifications.from',
  OFFERFLOW_NOTIFY_FALLBACK_TO: 'notifications.fallbackTo',
  OFFERFLOW_POLL_SECONDS: 'service.pollSeconds',
  OFFERFLOW_RETRY_MAX_ATTEMPTS: 'service.maxAttempts',
  OFFERFLOW_RETRY_BASE_SECONDS: 'service.retryBaseSeconds',
  OFFERFLOW_LEASE_SECONDS: 'service.leaseSeconds',
  OFFERFLOW_PUBLIC_URL: 'web.publicUrl',
  OFFERFLOW_BEHIND_PROXY: 'web.behindProxy',
  OFFERFLOW_SESSION_IDLE_MINUTES: 'web.sessionIdleMinutes',
  OFFERFLOW_SESSION_MAX_HOURS: 'web.sessionMaxHours',
  OFFERFLOW_PASSWORD_LINK_HOURS: 'web.passwordLinkHours',
  OFFERFLOW_LANGUAGE: 'web.defaultLanguage',
  OFFERFLOW_READ_BACK_DAYS: 'learning.readBackDays',
  OFFERFLOW_READ_BACK_HOURS: 'learning.readBackHours',
  OFFERFLOW_MAIL_READING_SECONDS: 'limits.readingSeconds',
  OFFERFLOW_MAIL_MAX_MB: 'limits.mailMegabytes',
  OFFERFLOW_MAIL_MAX_LINES: 'limits.lines',
  OFFERFLOW_CURRENCY: 'currency',
  OFFERFLOW_TIME_ZONE: 'timeZone',
  OFFERFLOW_OFFER_VALIDITY_DAYS: 'offerValidityDays',
  OFFERFLOW_DEFAULT_SELLER: 'defaultSellerNumber',
  OFFERFLOW_AUTO_ACCEPT_THRESHOLD: 'autoAcceptThreshold',
  OFFERFLOW_LLM_PROVIDER: 'llm.provider',
  OFFERFLOW_LLM_MODEL: 'llm.model',
  OFFERFLOW_LLM_API_KEY: 'llm.apiKey',
  OFFERFLOW_LLM_BASE_URL: 'llm.baseUrl',
  OFFERFLOW_LLM_TIMEOUT_MS: 'llm.timeoutMs',
};

/** OFFERFLOW_ERP_BASE_URL sets erp.settings.baseUrl: any adapter's settings, by their names. */
const ERP_SETTING_PREFIX = 'OFFERFLOW_ERP_';

function erpSettingName(variable: string): string {
  return variable
    .slice(ERP_SETTING_PREFIX.length)
    .toLowerCase()
    .replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

const CONFIG_FILE_NAME = 'offerflow.json';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigSources {
  dataDir?: string;
  configFile?: string;
  env: NodeJS.ProcessEnv;
  erpTypes: readonly string[];
}

type Layer = Record<string, unknown>;

function setPath(target: Layer, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) target[head!] = value;
  else setPath((target[head!] ??= {}) as Layer, rest.join('.'), value);
}

function readConfigFile(file: string): Layer {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a JSON object');
    return parsed as Layer;
  } catch (error) {
    throw new ConfigError(`Config file ${file} cannot be used: ${(error as Error).message}`);
  }
}

/**
 * Defaults < config file < environment < command-line flags. A bad value stops start-up with
 * a message naming where it came from (the env variable or the file and key).
 */
export function loadConfig(sources: ConfigSources): Config {
  const origin = new Map<string, string>();
  const dataDir = resolve(sources.dataDir ?? sources.env.OFFERFLOW_DATA_DIR ?? '.offerflow');
  const named = sources.configFile ?? sources.env.OFFERFLOW_CONFIG;
  const file = named ?? join(dataDir, CONFIG_FILE_NAME);
  // A config file someone named must exist; the one in the data directory is optional.
  const fromFile = named !== undefined || existsSync(file) ? readConfigFile(file) : {};
  for (const key of Object.keys(fromFile)) origin.set(key, `${file} key '${key}'`);
  const fileErp = fromFile.erp as Layer | undefined;
  // Settings are copied, so that filling them from the environment never touches the defaults.
  const erp = { ...DEFAULTS.erp, ...fileErp, settings: { ...((fileErp?.settings as Layer | undefined) ?? {}) } };
  const service = { ...DEFAULTS.service, ...(fromFile.service as Layer | undefined) };
  const limits = { ...DEFAULTS.limits, ...(fromFile.limits as Layer | undefined) };
  const web = { ...DEFAULTS.web, ...(fromFile.web as Layer | undefined) };
  const learning = { ...DEFAULTS.learning, ...(fromFile.learning as Layer | undefined) };
  const merged: Layer = { ...DEFAULTS, ...fromFile, erp, service, limits, learning, web, dataDir };
  for (const [variable, path] of Object.entries(ENV_KEYS)) {
    const value = sources.env[variable];
    if (value === undefined || value === '') continue;
    setPath(merged, path, value);
    origin.set(path, `environment variable ${variable}`);
  }
  for (const [variable, value] of Object.entries(sources.env)) {
    if (!variable.startsWith(ERP_SETTING_PREFIX) || value === undefined || value === '') continue;
    setPath(merged, `erp.settings.${erpSettingName(variable)}`, value);
  }
  const parsed = configSchema(sources.erpTypes).safeParse(merged);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.join('.');
    const whole = origin.get(String(issue.path[0]));
    const where = origin.get(path) ?? (whole && issue.path.length > 1 ? `${whole}, at '${path}'` : whole) ?? `config key '${path}'`;
    return `${where}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}
