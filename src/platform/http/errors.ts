import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, sqlState } from '../db/index.ts';
import { AppError, type FieldErrors } from '../errors.ts';
import { hasKey, type T } from '../i18n/index.ts';

/** A page route can re-render its own form when its input is refused, instead of the generic error page. */
export type ErrorPage = (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => unknown;

/** What a refused look-up leaves in the audit trail: the action it tried (e.g. "passport.view") and on what. */
export type AuditedLookUp = {
  action: string;
  targetType: string;
  target?: (req: FastifyRequest) => string | undefined;
  details?: (req: FastifyRequest) => Record<string, unknown>;
};

type ValidationIssue = { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> };

function issueKey(issue: ValidationIssue): string {
  // Platform keys (`v.required`) and a feature's own (`lodgings.intake.v.outsideNtt`) alike.
  if (issue.message && /^([A-Za-z]+\.)*v\./.test(issue.message) && hasKey(issue.message)) return issue.message;
  if (issue.keyword === 'invalid_type' && issue.message?.includes('received undefined')) return 'v.required';
  if (issue.keyword === 'too_big') return 'v.tooLong';
  if (issue.keyword === 'invalid_format' && issue.params?.format === 'email') return 'v.email';
  return 'v.invalid';
}

/**
 * The database refused a value (SQLSTATE class 22: a date or number out of range, text it cannot store). Input is
 * checked before it gets there; this is the net for what a schema missed, and the error handler logs it.
 */
export const isDataException = (err: unknown) => sqlState(err)?.startsWith('22') ?? false;
/**
 * Two requests wrote the same thing at the same moment and the database kept one (a unique key, a deadlock, a
 * serialisation failure): the other is told to try again, never given a 500.
 */
export const isConcurrentWrite = (err: unknown) => ['23505', '40001', '40P01'].includes(sqlState(err) ?? '');

/** Turns anything thrown while handling a request into the one error type. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldErrors = {};
    for (const issue of err.validation) {
      const field =
        issue.instancePath.replace(/^\//, '').split('/')[0] || (err as FastifyError).validationContext || 'input';
      fields[field] ??= issueKey(issue);
    }
    return new AppError('validation_failed', fields);
  }
  const e = err as Partial<FastifyError>;
  if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') return new AppError('csrf_invalid');
  if (e.statusCode === 429) return new AppError('rate_limited');
  if (e.statusCode === 413) return new AppError('payload_too_large');
  if (e.statusCode === 404) return new AppError('not_found');
  if (e.statusCode === 400 || e.statusCode === 415) return new AppError('validation_failed', { input: 'v.invalid' });
  if (isDatabaseUnavailable(err)) return new AppError('unavailable');
  if (isDataException(err)) return new AppError('validation_failed', { input: 'v.invalid' });
  if (isConcurrentWrite(err)) return new AppError('conflict');
  return new AppError('internal');
}

export function translateFields(
  t: T,
  fields: FieldErrors | undefined,
  params: Record<string, unknown> = {},
): FieldErrors | undefined {
  if (!fields) return undefined;
  // The error's params fill the placeholders of its field messages too (e.g. an age the rule was judged on).
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, hasKey(v) ? t(v, params) : v]));
}

/**
 * The path a request is for, as the router saw it: the matched route's pattern, else the percent-decoded path. Rules
 * about paths use this, never the raw URL: "/%61pi/v1/…" is the API as much as "/api/v1/…" is.
 */
export function routePath(req: FastifyRequest): string {
  const pattern = req.routeOptions?.url;
  if (pattern) return pattern;
  const raw = req.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Requests under /api get JSON; "/api" itself counts too. */
export const isApiRequest = (req: FastifyRequest) => /^\/api(?:\/|$)/.test(routePath(req));

/** Errors to show on a form: per field where the input was at fault, else one message for the whole form. */
export function formErrors(t: T, error: AppError, fields: FieldErrors): FieldErrors {
  return Object.keys(fields).length > 0 ? fields : { _form: t(`errors.${error.code}`, error.params ?? {}) };
}
