import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/append-audit.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { callerOf } from './guards.ts';
import type { AppError } from '../errors.ts';
import { langFromAcceptLanguage, translator } from '../i18n/index.ts';
import type { PageContext } from '../views/context.ts';
import { renderPage } from '../views/render.ts';
import { ErrorView } from '../views/error-view.tsx';
import { isApiRequest, isConcurrentWrite, isDataException, toAppError, translateFields } from './errors.ts';

async function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  useErrorPage = true,
): Promise<unknown> {
  const fields = translateFields(req.t, error.fields, error.params);
  const message = req.t(`errors.${error.code}`, error.params ?? {});
  if (error.code === 'rate_limited') reply.header('retry-after', '60');
  if (error.code === 'sign_in_throttled') reply.header('retry-after', String(Number(error.params?.seconds ?? 1)));
  if (error.code === 'unavailable') reply.header('retry-after', '10');
  if (isApiRequest(req)) {
    return reply.code(error.status).send({ error: { code: error.code, message, ...(fields ? { fields } : {}) } });
  }
  // Pages: send people where they can fix the problem.
  const next = encodeURIComponent(req.url);
  // A session cookie that no longer opens a session (ended, idle, revoked): say so on the sign-in page.
  if (error.code === 'unauthenticated')
    return reply.redirect(`/login?next=${next}${req.cookies[SESSION_COOKIE] ? '&ended=1' : ''}`, 303);
  if (error.code === 'mfa_required') return reply.redirect(`/login/totp?next=${next}`, 303);
  if (error.code === 'mfa_setup_required') return reply.redirect('/account/totp', 303);
  const errorPage = useErrorPage ? req.routeOptions.config?.errorPage : undefined;
  if (errorPage && error.status < 500 && error.code !== 'csrf_invalid') {
    try {
      return await errorPage(req, reply, error, fields ?? {});
    } catch (err) {
      // Re-rendering the form checks again who may see it; when it may not be shown, answer as for any error.
      return sendError(req, reply, toAppError(err), false);
    }
  }
  return reply.page(<ErrorView ctx={reply.ctx()} status={error.status} message={message} />, error.status);
}

/**
 * Someone looked for a record and was refused: who, what and the answer go to the audit trail, as a successful
 * view does. Probing for which passports or cases exist leaves a trace too. Its own transaction: the request's
 * has been rolled back.
 */
async function auditRefusal(app: FastifyInstance, req: FastifyRequest, error: AppError): Promise<void> {
  const lookUp = req.routeOptions.config?.auditRefusals;
  if (!lookUp || (error.status !== 403 && error.status !== 404) || !req.actor) return;
  const target = lookUp.target?.(req);
  await app.deps.database.db.transaction((tx) =>
    appendAudit(tx, callerOf(req, req.actor), {
      action: `${lookUp.action}_refused`,
      targetType: lookUp.targetType,
      targetId: target,
      details: { ...lookUp.details?.(req), status: error.status, code: error.code },
    }),
  );
}

/** The one place errors become responses: JSON under /api, pages elsewhere, each in the user's language. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (err, req, reply) => {
    const error = toAppError(err);
    await auditRefusal(app, req, error).catch((auditErr: unknown) =>
      req.log.error({ err: auditErr }, 'audit of a refusal failed'),
    );
    if (error.code === 'unavailable') req.log.warn({ err }, 'database unavailable');
    else if (isDataException(err)) req.log.warn({ err }, 'the database refused input that passed the schema');
    else if (isConcurrentWrite(err)) req.log.warn({ err }, 'a concurrent write won');
    else if (error.status >= 500) req.log.error({ err }, 'request failed');
    return sendError(req, reply, error);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, toAppError({ statusCode: 404 })));
}

/**
 * For Fastify's `frameworkErrors`: a URL that cannot even be decoded (e.g. "/units/%E0%A4%A") is refused inside the
 * router, before any hook has run and with a bare reply (no cookies, no page helpers, no security headers). Such a
 * URL names nothing on this site: not_found, in the usual shape, in the language the browser asks for.
 */
export function frameworkErrorHandler(assets: PageContext['assets']) {
  return (_err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    // No hook has run: the language chosen is read from the raw cookie header, as the onRequest hook would.
    const chosen = /(?:^|;\s*)lang=(id|en)(?:;|$)/.exec(req.headers.cookie ?? '')?.[1] as 'id' | 'en' | undefined;
    const lang = chosen ?? (isApiRequest(req) ? langFromAcceptLanguage(req.headers['accept-language']) : 'id');
    const t = translator(lang);
    const message = t('errors.not_found');
    if (isApiRequest(req)) {
      void reply.code(404).send({ error: { code: 'not_found', message } });
      return;
    }
    const ctx: PageContext = { t, lang, actor: null, csrf: '', path: '/', assets };
    void reply
      .code(404)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-security-policy',
        "default-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
      )
      .send(renderPage(<ErrorView ctx={ctx} status={404} message={message} />));
  };
}
