import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../platform/auth/sessions.ts';
import type { App } from '../platform/http/server.ts';
import { registerAccountPageRoutes } from './account-page-routes.tsx';
import { registerAccountApi } from './api-routes.ts';
import { registerSignInPages } from './sign-in-page-routes.tsx';
import { registerSignUpPages } from './sign-up-page-routes.tsx';

/** Signing up, in and out, the second factor, the password, the account page with devices and tokens, its API. */
export async function registerAccounts(app: App): Promise<void> {
  const { config } = app.deps;
  const authLimit = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: 60_000 } };
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: config.sessionDays * 86_400,
    });
  registerSignUpPages(app, { authLimit });
  await registerSignInPages(app, { authLimit, setSessionCookie });
  registerAccountPageRoutes(app, { authLimit, setSessionCookie });
  registerAccountApi(app, { authLimit });
}
