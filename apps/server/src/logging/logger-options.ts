import type { LoggerOptions } from 'pino';

/**
 * pino options: one line per request with the route template (never the URL, which may carry ids), status and
 * duration; cookies, auth headers and CSRF tokens redacted. Request bodies are never logged.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url }),
      // Database errors carry the query's parameters and a detail with the offending values: keep only what is safe.
      err: (err: Error & { code?: string }) => ({ type: err.name, code: err.code, message: err.message, stack: err.stack }),
    },
  };
}
