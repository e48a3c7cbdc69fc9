import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeCitizen, makeUnit, openDate, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { translator } from '../platform/i18n/index.ts';
import { bookDirectly, bookedOn } from './test-support.ts';

const t = translator('id');

/**
 * Every booking route is the applicant's own: anonymous visitors are sent to sign in (401 on the API), other
 * citizens are refused (403), with a valid form or an empty one, and nothing changes.
 */
describeApp('booking routes refuse outsiders', (ctx) => {
  it('refuses anonymous visitors and other citizens on every page and API route', async () => {
    const unit = await makeUnit(ctx.db);
    const [date, other] = [await serviceDay(ctx.db, unit.code), await serviceDay(ctx.db, unit.code, 1)];
    await openDate(ctx.db, unit.code, date, 1);
    await openDate(ctx.db, unit.code, other, 1);
    const victim = await makeApplication(ctx.db, { unitCode: unit.code });
    await bookDirectly(ctx.app, victim, date);
    const base = `/applications/${victim.id}`;
    const entry = crypto.randomUUID();
    const pages: [string, string, Record<string, string>?][] = [
      ['GET', `${base}/book`],
      ['POST', `${base}/book`, { date: other, formToken: 'x' }],
      ['POST', `${base}/waitlist`, { date }],
      ['POST', `${base}/waitlist/${entry}/accept`, {}],
      ['POST', `${base}/waitlist/${entry}/leave`, {}],
      ['GET', `${base}/appointment`],
      ['GET', `${base}/appointment/receipt.pdf`],
      ['GET', `${base}/appointment/calendar.ics`],
      ['GET', `${base}/appointment/reschedule`],
      ['POST', `${base}/appointment/reschedule`, { date: other }],
      ['GET', `${base}/appointment/cancel`],
      ['POST', `${base}/appointment/cancel`, {}],
    ];
    const stranger = await makeCitizen(ctx.db);
    const strangerCookie = await sessionCookie(ctx.db, stranger);
    const problems: string[] = [];
    for (const [method, url, form] of pages) {
      for (const [who, cookie] of [
        ['anonymous', undefined],
        ['stranger', strangerCookie],
      ] as const) {
        for (const body of form ? [form, {}] : [undefined]) {
          const browser = new Browser(ctx.app);
          if (cookie) browser.setCookie(cookie);
          await browser.get('/track'); // a page with a form, for the CSRF token
          const res = body ? await browser.request({ method: 'POST', url, form: body }) : await browser.get(url);
          const ok =
            who === 'anonymous'
              ? res.statusCode === 303 && res.headers.location === `/login?next=${encodeURIComponent(url)}`
              : res.statusCode === 403 && res.body.includes(t('errors.forbidden'));
          if (!ok || method !== (body ? 'POST' : 'GET'))
            problems.push(
              `${who} ${method} ${url} ${body ? JSON.stringify(body) : ''}: ${res.statusCode} ${String(res.headers.location ?? '')}`,
            );
        }
      }
    }

    const token = (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), stranger.id, 'test')))
      .token;
    for (const [url, payload] of [
      [`/api/v1${base}/appointment/reschedule`, { date: other }],
      [`/api/v1${base}/appointment/cancel`, {}],
    ] as const) {
      const anonymous = await ctx.app.inject({ method: 'POST', url, payload });
      if (anonymous.statusCode !== 401 || anonymous.json().error.code !== 'unauthenticated')
        problems.push(`anonymous POST ${url}: ${anonymous.statusCode}`);
      const foreign = await ctx.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { authorization: `Bearer ${token}` },
      });
      if (foreign.statusCode !== 403 || foreign.json().error.code !== 'forbidden')
        problems.push(`stranger POST ${url}: ${foreign.statusCode}`);
    }
    expect(problems).toEqual([]);
    expect([await bookedOn(ctx.db, unit.code, date), await bookedOn(ctx.db, unit.code, other)]).toEqual([1, 0]);
  });
});

// One status lookup per second on average (3 per minute on this app): guessing codes and birth dates is slow.
describeApp(
  'rate limit on the status lookup',
  (ctx) => {
    it('answers the 4th lookup within a minute with 429, on the form', async () => {
      const browser = new Browser(ctx.app);
      await browser.get('/track');
      const form = { code: 'SK0000000000', birthDate: '1990-01-01' };
      for (let i = 0; i < 3; i++)
        expect((await browser.request({ method: 'POST', url: '/track', form })).statusCode).toBe(404);
      const limited = await browser.request({ method: 'POST', url: '/track', form });
      expect(limited.statusCode).toBe(429);
      expect(limited.body).toContain(t('errors.rate_limited'));
      expect(limited.body).toContain('name="birthDate"');
      expect((await browser.get('/track')).statusCode).toBe(200);
    });
  },
  { authRateLimitPerMinute: 1 },
);
