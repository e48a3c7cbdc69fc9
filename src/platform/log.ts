import { pino, type DestinationStream, type Logger } from 'pino';
import { constraintOf, sqlState } from './db/index.ts';

/** Long digit runs (NIKs, KK and phone numbers) masked. */
const maskedNumbers = (text: string) => text.replace(/\d{10,}/g, '[number]');

/** The path of a request URL without its query, and with long digit runs masked. */
export function loggablePath(url: string): string {
  return maskedNumbers(url.split('?')[0] ?? '');
}

/** A message with what could name a person masked: e-mail addresses (an SMTP refusal quotes the recipient) and digit runs. */
const masked = (message: string) => maskedNumbers(message.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '[address]'));

export type SafeError = {
  type: string;
  message: string;
  sqlState?: string;
  constraint?: string;
  query?: string;
  stack?: string;
};

/**
 * An error as logs and the jobs table may keep it. A failed SQL statement's message carries its parameters (NIKs,
 * names, e-mail addresses, password hashes) and a database error's message or detail may quote a value, so for
 * database errors only the SQLSTATE, the constraint and the statement text (with $1 placeholders) are kept; other
 * messages keep their words with e-mail addresses and long numbers masked. The stack keeps its frames, never the
 * message line it starts with.
 */
export function safeError(err: unknown): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: 'a non-Error value was thrown' };
  const state = sqlState(err);
  const query = (err as { query?: unknown }).query;
  const fromDatabase = state !== undefined || typeof query === 'string' || err.name === 'DrizzleQueryError';
  const frames = err.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return {
    type: err.name,
    message: fromDatabase ? `database error${state ? ` ${state}` : ''}` : masked(err.message),
    ...(state ? { sqlState: state } : {}),
    ...(constraintOf(err) ? { constraint: constraintOf(err) } : {}),
    ...(typeof query === 'string' ? { query: query.slice(0, 2000) } : {}),
    ...(frames ? { stack: frames } : {}),
  };
}

/**
 * JSON logs. Requests are logged by path only (query strings may hold tokens or NIKs; digit runs that look like a
 * NIK are masked even in paths), credentials are redacted, errors go through safeError, and no code logs request
 * bodies. `destination` defaults to standard output; tests pass a stream to read the lines.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.nik',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggablePath(req.url),
      }),
      err: safeError,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
