import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * JSON logs. Requests are logged by path only (query strings may hold tokens or NIKs), credentials are redacted,
 * and no code logs request bodies. `destination` defaults to standard output; tests pass a stream to read the lines.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.nik'], censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
