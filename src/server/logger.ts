import { pino, type Logger } from 'pino';

/** Keys whose values never reach a log line, wherever they sit in what is logged. */
const SECRETS = ['password', 'apiKey', 'api_key', 'token', 'accessToken', 'clientSecret', 'authorization', 'databaseUrl'];

export function serviceLogger(destination?: NodeJS.WritableStream): Logger {
  const paths = SECRETS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  return pino({ base: { service: 'offerflow' }, redact: { paths, censor: '[redacted]' } }, destination ?? process.stdout);
}
