import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../errors.ts';
import { ErrorView } from '../views/error-view.tsx';
import { isApiRequest, toAppError, translateFields } from './errors.ts';

function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  const fields = translateFields(req.t, error.fields);
  const message = req.t(`errors.${error.code}`, error.params ?? {});
  if (error.code === 'rate_limited') reply.header('retry-after', '60');
  if (isApiRequest(req) || !req.t) {
    return reply.code(error.status).send({ error: { code: error.code, message, ...(fields ? { fields } : {}) } });
  }
  // Pages: send people where they can fix the problem.
  const next = encodeURIComponent(req.url);
  if (error.code === 'unauthenticated') return reply.redirect(`/login?next=${next}`, 303);
  if (error.code === 'mfa_required') return reply.redirect(`/login/totp?next=${next}`, 303);
  if (error.code === 'mfa_setup_required') return reply.redirect('/account/totp', 303);
  const errorPage = req.routeOptions.config?.errorPage;
  if (errorPage && error.status < 500 && error.code !== 'csrf_invalid') return errorPage(req, reply, error, fields ?? {});
  return reply.page(<ErrorView ctx={reply.ctx()} status={error.status} message={message} />, error.status);
}

/** The one place errors become responses: JSON under /api, pages elsewhere, each in the user's language. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    if (error.status >= 500) req.log.error({ err }, 'request failed');
    return sendError(req, reply, error);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, toAppError({ statusCode: 404 })));
}
