import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../../time/clock.js';

/** The only scope a Business Central service-to-service token is asked for. */
export const BC_SCOPE = 'https://api.businesscentral.dynamics.com/.default';

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface EntraApp {
  tenant: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Microsoft Entra's token endpoint for the client-credentials grant, answering as
 * entra-docs identity-platform/v2-oauth2-client-creds-grant-flow.md shows: the token, or
 * `error` with an AADSTS-numbered `error_description` (400, and 401 for a bad client secret).
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly app: EntraApp,
    private readonly clock: Clock,
  ) {}

  issue(tenant: string, form: URLSearchParams, ttlSeconds: number): TokenAnswer {
    const refusal = this.refusal(tenant, form);
    if (refusal) return refusal;
    const now = this.clock.monotonicMs();
    for (const [old, expires] of this.tokens) if (expires <= now) this.tokens.delete(old);
    const token = randomBytes(48).toString('base64url');
    this.tokens.set(token, now + ttlSeconds * 1000);
    return { status: 200, body: { token_type: 'Bearer', expires_in: ttlSeconds, ext_expires_in: ttlSeconds, access_token: token } };
  }

  /** Whether an `Authorization` header carries a live token of this tenant's app. */
  accepts(authorization: string | undefined): boolean {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const expires = token === undefined ? undefined : this.tokens.get(token);
    return expires !== undefined && expires > this.clock.monotonicMs();
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  private refusal(tenant: string, form: URLSearchParams): TokenAnswer | null {
    const clientId = form.get('client_id');
    const secret = form.get('client_secret');
    if (tenant !== this.app.tenant) return this.error(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    if (!form.get('grant_type')) return this.error(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
    if (form.get('grant_type') !== 'client_credentials') return this.error(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (!clientId) return this.error(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
    if (clientId !== this.app.clientId) return this.error(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`);
    if (!form.get('scope')) return this.error(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
    if (form.get('scope') !== BC_SCOPE) return this.error(400, 'invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. The scope ${form.get('scope')} is not valid.`);
    if (!secret) return this.error(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    if (secret !== this.app.clientSecret) return this.error(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
    return null;
  }

  private error(status: number, error: string, code: number, description: string): TokenAnswer {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = this.clock.now().toISOString().replace('T', ' ').slice(0, 19) + 'Z';
    return {
      status,
      body: {
        error,
        error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
        error_codes: [code],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `https://login.microsoftonline.com/error?code=${code}`,
      },
    };
  }
}
