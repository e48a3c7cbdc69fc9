import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp, type AppContext } from '../../test/db.ts';
import { PASSWORD, makeCitizen, makeOfficer, sessionCookie, uniqueEmail } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { apiTokens, sessions } from '../platform/auth/schema.ts';
import { totpCode } from '../platform/auth/totp.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { accountByEmail, queuedMailCount, signedInBrowser } from './test-support.ts';
import { linkIn, mailsTo } from '../../test/mail.ts';

type Case = {
  name: string;
  /** Prepares a browser that has the form's page (and so a CSRF cookie) in hand, and says what must not change. */
  setup(ctx: AppContext): Promise<{
    browser: Browser;
    page: string;
    url: string;
    form: Record<string, string>;
    unchanged: () => Promise<void>;
  }>;
};

const count = async (ctx: AppContext, query: Promise<unknown[]>) => (await query).length;

const cases: Case[] = [
  {
    name: 'sign-up',
    async setup(ctx) {
      const email = uniqueEmail('csrf');
      return {
        browser: new Browser(ctx.app),
        page: '/signup',
        url: '/signup',
        form: { name: 'Maria', email, password: 'long enough secret' },
        unchanged: async () => {
          expect(await accountByEmail(ctx.db, email)).toHaveLength(0);
          expect(await queuedMailCount(ctx.db, email)).toBe(0);
        },
      };
    },
  },
  {
    name: 'sign-in',
    async setup(ctx) {
      const citizen = await makeCitizen(ctx.db);
      return {
        browser: new Browser(ctx.app),
        page: '/login',
        url: '/login',
        form: { email: citizen.email, password: PASSWORD },
        unchanged: async () =>
          expect(await count(ctx, ctx.db.select().from(sessions).where(eq(sessions.accountId, citizen.id)))).toBe(0),
      };
    },
  },
  {
    name: 'TOTP challenge',
    async setup(ctx) {
      const officer = await makeOfficer(ctx.db, { totp: true });
      const { browser } = await signedInBrowser(ctx.app, officer.email, PASSWORD);
      return {
        browser,
        page: '/login/totp',
        url: '/login/totp',
        form: { code: totpCode(officer.totpSecret!) },
        unchanged: async () => expect((await browser.get('/officer')).headers.location).toMatch(/^\/login\/totp/),
      };
    },
  },
  {
    name: 'sign-out',
    async setup(ctx) {
      const citizen = await makeCitizen(ctx.db);
      const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, citizen));
      return {
        browser,
        page: '/account',
        url: '/logout',
        form: {},
        unchanged: async () => expect((await browser.get('/api/v1/me')).statusCode).toBe(200),
      };
    },
  },
  {
    name: 'forgotten password',
    async setup(ctx) {
      const citizen = await makeCitizen(ctx.db);
      return {
        browser: new Browser(ctx.app),
        page: '/password/forgot',
        url: '/password/forgot',
        form: { email: citizen.email },
        unchanged: async () => expect(await queuedMailCount(ctx.db, citizen.email)).toBe(0),
      };
    },
  },
  {
    name: 'password reset',
    async setup(ctx) {
      const citizen = await makeCitizen(ctx.db);
      await new Browser(ctx.app).post('/password/forgot', { email: citizen.email }, '/password/forgot');
      const link = linkIn((await mailsTo(ctx, citizen.email))[0]!, '/password/reset');
      const token = new URL(link, 'http://x').searchParams.get('token')!;
      return {
        browser: new Browser(ctx.app),
        page: link,
        url: '/password/reset',
        form: { token, password: 'a new passphrase here' },
        unchanged: async () =>
          expect((await accountByEmail(ctx.db, citizen.email))[0]!.passwordHash).toBe(citizen.passwordHash),
      };
    },
  },
  {
    name: 'token creation',
    async setup(ctx) {
      const citizen = await makeCitizen(ctx.db);
      return {
        browser: new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, citizen)),
        page: '/account',
        url: '/account/tokens',
        form: { name: 'x' },
        unchanged: async () =>
          expect(await count(ctx, ctx.db.select().from(apiTokens).where(eq(apiTokens.accountId, citizen.id)))).toBe(0),
      };
    },
  },
  {
    name: 'token revocation',
    async setup(ctx) {
      const citizen = await makeCitizen(ctx.db);
      const issued = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { email: citizen.email, password: PASSWORD },
      });
      const [row] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.accountId, citizen.id));
      return {
        browser: new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, citizen)),
        page: '/account',
        url: `/account/tokens/${row!.id}/revoke`,
        form: {},
        unchanged: async () =>
          expect(
            (await ctx.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${issued.json().token}` } }))
              .statusCode,
          ).toBe(200),
      };
    },
  },
  {
    name: 'TOTP set-up',
    async setup(ctx) {
      const admin = await makeOfficer(ctx.db, { role: 'admin', totp: false });
      const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, admin));
      await browser.get('/account/totp');
      const [pending] = await accountByEmail(ctx.db, admin.email);
      return {
        browser,
        page: '/account/totp',
        url: '/account/totp',
        form: { code: totpCode(pending!.totpSecret!) },
        unchanged: async () => expect((await accountByEmail(ctx.db, admin.email))[0]!.totpEnabledAt).toBeNull(),
      };
    },
  },
  {
    name: 'officer creation',
    async setup(ctx) {
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const email = uniqueEmail('csrf-officer');
      return {
        browser: new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, admin)),
        page: '/admin/officers/new',
        url: '/admin/officers/new',
        form: {
          name: 'Petugas Baru',
          email,
          role: 'counter_officer',
          unitCode: 'KANIM-KUPANG',
          password: 'initial passphrase',
        },
        unchanged: async () => {
          expect(await accountByEmail(ctx.db, email)).toHaveLength(0);
          expect(
            await count(
              ctx,
              ctx.db
                .select()
                .from(auditLog)
                .where(and(eq(auditLog.action, 'officer.create'), eq(auditLog.actorId, admin.id))),
            ),
          ).toBe(0);
        },
      };
    },
  },
];

async function postWithoutToken(browser: Browser, app: AppContext['app'], url: string, form: Record<string, string>) {
  return app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(form).toString(),
    headers: { cookie: browser.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

describeApp('CSRF protection', (ctx) => {
  for (const c of cases) {
    it(`refuses the ${c.name} form without a valid token and changes nothing`, async () => {
      const { browser, page, url, form, unchanged } = await c.setup(ctx);
      expect((await browser.get(page)).statusCode).toBeLessThan(400);
      const stranger = new Browser(ctx.app);
      const strangerPage = await stranger.get('/login');
      const foreignToken = /name="_csrf" value="([^"]+)"/.exec(strangerPage.body)![1]!;
      const attempts = [
        await postWithoutToken(browser, ctx.app, url, form),
        await browser.request({ method: 'POST', url, form: { ...form, _csrf: 'forged-token' } }),
        await browser.request({ method: 'POST', url, form: { ...form, _csrf: foreignToken } }),
        await new Browser(ctx.app)
          .setCookie(browser.cookieHeader.split('; ').find((p) => p.startsWith('sikoe_session=')) ?? 'x=y')
          .request({ method: 'POST', url, form }),
      ];
      for (const res of attempts) {
        expect(res.statusCode).toBe(403);
        expect(res.body).toContain('Formulir sudah kedaluwarsa');
      }
      await unchanged();
      // Control: the same form with the page's own token goes through, so the refusals above were the token's doing.
      const accepted = await browser.post(url, form);
      expect(accepted.statusCode).toBeLessThan(400);
      await expect(unchanged()).rejects.toThrow();
    });
  }
});
