import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

/** Throws, saying why, when the dependency cannot serve; may answer what it found (shown instead of "ok"). */
export type Check = () => Promise<string | void>;

const CHECK_TIMEOUT_MS = 5_000;

function withTimeout(check: Check): Promise<string | void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

export interface HttpEndpoints {
  port: number;
  close(): Promise<void>;
}

/**
 * `/healthz`: the process is alive. `/readyz`: every dependency answers (store, queue, ERP,
 * each mailbox), each named with its error when it does not. `/metrics`: Prometheus.
 */
export interface HttpOptions {
  port: number;
  host: string;
  checks: Record<string, Check>;
  registry: Registry;
  /** Behind a proxy whose X-Forwarded-For and X-Forwarded-Proto are to be believed. */
  trustProxy?: boolean;
  /** Adds more routes (the workspace) to the same server, before it listens. */
  extend?(app: FastifyInstance): void;
}

export async function startHttp(options: HttpOptions): Promise<HttpEndpoints> {
  const app = Fastify({ logger: false, trustProxy: options.trustProxy ?? false });
  options.extend?.(app);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const names = Object.keys(options.checks);
    const outcomes = await Promise.allSettled(names.map((name) => withTimeout(options.checks[name]!)));
    const answer = (outcome: PromiseSettledResult<string | void>) =>
      outcome.status === 'fulfilled' ? (outcome.value ?? 'ok') : String((outcome.reason as Error | undefined)?.message ?? outcome.reason);
    const checks = Object.fromEntries(names.map((name, i) => [name, answer(outcomes[i]!)]));
    const ready = outcomes.every((o) => o.status === 'fulfilled');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_request, reply) => reply.type(options.registry.contentType).send(await options.registry.metrics()));
  const address = await app.listen({ port: options.port, host: options.host });
  return { port: Number(new URL(address).port), close: () => app.close() };
}
