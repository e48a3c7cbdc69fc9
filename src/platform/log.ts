import { pino, type DestinationStream, type Logger } from 'pino';

/** The path of a request URL without its query, and with long digit runs (NIKs, KK and phone numbers) masked. */
export function loggablePath(url: string): string {
  return (url.split('?')[0] ?? '').replace(/\d{10,}/g, '[number]');
}

/**
 * JSON logs. Requests are logged by path only (query strings may hold tokens or NIKs; digit runs that look like a
 * NIK are masked even in paths), credentials are redacted, and no code logs request bodies. `destination` defaults
 * to standard output; tests pass a stream to read the lines.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.nik'], censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: loggablePath(req.url) }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
