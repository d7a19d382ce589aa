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
  store_unavailable: 'transient',
  claim_lost: 'transient',
  worker_stopped: 'permanent',
  internal: 'transient',
} as const;

export type FailureCode = keyof typeof CODES;

export const FAILURE_CODES = Object.keys(CODES) as FailureCode[];

export function isPermanent(code: FailureCode): boolean {
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

/** As it is recorded and shown: a URL's credentials in the message are redacted. */
export function failureOf(error: unknown): FailureRecord {
  if (error instanceof Failure) return { code: error.code, permanent: error.permanent, message: redactSecrets(error.message) };
  return { code: 'internal', permanent: false, message: redactSecrets(error instanceof Error ? error.message : String(error)) };
}
