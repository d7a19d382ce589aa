import { redactSecrets } from './redact.js';

/**
 * Why a run or a job failed, as a stable code beside the message, and whether trying again can
 * help. A permanent failure (a mail that is no email, one over a limit, an ERP that refuses
 * what we send) is given up at once; a transient one (a network error, a lock, a server that
 * is down) is retried with backoff.
 */
const CODES = {
  not_an_email: 'permanent',
  mail_unreadable: 'permanent',
  mail_over_limit: 'permanent',
  mail_over_time_budget: 'permanent',
  run_from_newer_version: 'permanent',
  erp_rejected: 'permanent',
  erp_unavailable: 'transient',
  catalog_unavailable: 'transient',
  /** A database (Offerflow's store, the embedded ERP's file) busy, restarting or away. */
  store_unavailable: 'transient',
  claim_lost: 'transient',
  worker_stopped: 'permanent',
  /** A workflow step wrote a field it does not declare: a bug, which trying again repeats. */
  step_contract_broken: 'permanent',
  internal: 'transient',
} as const;

export type FailureCode = keyof typeof CODES;

function isPermanent(code: FailureCode): boolean {
  return CODES[code] === 'permanent';
}

export class Failure extends Error {
  override name = 'Failure';

  constructor(
    readonly code: FailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get permanent(): boolean {
    return isPermanent(this.code);
  }
}

/** What is recorded of a failure: unknown errors count as internal, and are retried. */
export interface FailureRecord {
  code: FailureCode;
  permanent: boolean;
  message: string;
}

export function isFailureCode(value: unknown): value is FailureCode {
  return typeof value === 'string' && Object.hasOwn(CODES, value);
}

/**
 * What database drivers (SQLite, PostgreSQL) say when a database is busy, restarting or away: a
 * lock held a while, a connection dropped by a restart or failover, the server shutting down.
 */
const DATABASE_AWAY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);
const DATABASE_AWAY_MESSAGE = /^(?:Connection terminated|Query read timeout|timeout exceeded when trying to connect)/;

function databaseAway(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && DATABASE_AWAY_CODES.has(code)) || DATABASE_AWAY_MESSAGE.test(error.message);
}

/** As it is recorded and shown: a URL's credentials in the message are redacted. */
export function failureOf(error: unknown): FailureRecord {
  if (error instanceof Failure) return { code: error.code, permanent: error.permanent, message: redactSecrets(error.message) };
  if (error instanceof Error && databaseAway(error)) return { code: 'store_unavailable', permanent: false, message: redactSecrets(error.message) };
  return { code: 'internal', permanent: false, message: redactSecrets(error instanceof Error ? error.message : String(error)) };
}
