import crypto from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { recordAction } from '../src/applications/actions.ts';
import { caseActionTypes } from '../src/cases/workflow.ts';
import { makeCase } from '../src/cases/test-support.ts';
import { makeComplaint } from '../src/complaints/test-support.ts';
import { makeVisit } from '../src/home-visits/test-support.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import type { Account } from '../src/platform/auth/schema.ts';
import { witaDate } from '../src/platform/calendar/wita.ts';
import { catalogue } from '../src/platform/i18n/index.ts';
import { bookDirectly } from '../src/appointments/test-support.ts';
import { describeApp } from './db.ts';
import { makeApplication, makeCitizen, makeOfficer, makeUnit, openDate, sessionCookie } from './factories.ts';
import { serviceDay } from './dates.ts';
import { registeredRoutes } from './routes.ts';

/**
 * Every page, in both languages, as a citizen, an officer of the unit, an admin and a visitor would see it, with
 * data in every state the history knows: no message key, raw code or ISO date reaches the words on a page, and
 * numbers and times are written the way the page's language writes them.
 */

/** Every key of the catalogue, as "namespace.key.sub". */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const catalogueKeys = new Set(keysOf(catalogue('id')));

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};
/** The words a person reads: text between tags, and the attributes read out or shown (labels, titles, placeholders). */
export function visibleText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [text, ...attributes].join(' ').replace(/&[a-z#0-9]+;/g, (e) => entities[e] ?? ' ');
}

const fileOrDomain = /\.(id|org|com|net|go|pdf|csv|js|css|ics|xlsx|json|html|png|jpe?g|eml|test|local)$/i;

/** What on a page looks like a key, a code or a date a person should never have to read. */
export function problemsIn(text: string, lang: 'id' | 'en'): string[] {
  const found: string[] = [];
  // Column lists written without spaces ("nik,name,birth_date") are a file format to type as shown, not words.
  text = text.replace(/\b\w+(?:,\w+)+\b/g, ' ');
  for (const raw of text.split(/[\s,;:()«»"“”!?]+/)) {
    const token = raw.replace(/^[.'’]+|[.'’]+$/g, '');
    if (!token || token.includes('@') || token.includes('/')) continue;
    if (catalogueKeys.has(token)) found.push(`message key ${token}`);
    else if (
      /^[a-z]{1,20}(\.[A-Za-z][A-Za-z0-9]*)+$/.test(token) &&
      /[A-Z]|\.[a-z]+\./.test(token) &&
      !fileOrDomain.test(token)
    )
      found.push(`key-shaped ${token}`);
    else if (/^[a-z]+(_[a-z0-9]+)+$/.test(token)) found.push(`raw code ${token}`);
  }
  for (const m of text.matchAll(/(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g)) found.push(`ISO date ${m[0]}`);
  if (lang === 'en') {
    for (const m of text.matchAll(/(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])/g)) found.push(`Indonesian number ${m[0]}`);
    for (const m of text.matchAll(/(?<![\d.:])(?:[01]\d|2[0-3])\.[0-5]\d(?![\d.:])/g))
      found.push(`Indonesian time ${m[0]}`);
  } else {
    for (const m of text.matchAll(/(?<![\d.:])(?:[01]\d|2[0-3]):[0-5]\d(?![\d.:])/g))
      found.push(`English time ${m[0]}`);
  }
  return found;
}

describeApp(
  'words on every page',
  (ctx) => {
    type Who = { name: string; cookie?: string };
    const people: Who[] = [{ name: 'visitor' }];
    const ids: Record<string, string> = {};
    let unitCode = '';

    beforeAll(async () => {
      const unit = await makeUnit(ctx.db, {
        services: ['passport', 'koe_peduli', 'eazy_paspor', 'koe_tos', 'complaints'],
      });
      unitCode = unit.code;
      const citizen = await makeCitizen(ctx.db);
      const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode });
      const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
      const session = async (a: Account) => sessionCookie(ctx.db, a);
      people.push(
        { name: 'citizen', cookie: await session(citizen) },
        { name: 'head of office', cookie: await session(head) },
        { name: 'admin', cookie: await session(admin) },
      );

      // A booked application, and a case that went through every step the history knows.
      const date = await serviceDay(ctx.db, unitCode);
      await openDate(ctx.db, unitCode, date, 5);
      const booked = await makeApplication(ctx.db, { unitCode, accountId: citizen.id, passportType: 'biasa' });
      await bookDirectly(ctx.app, booked, date);
      const done = await makeCase(ctx.db, {
        unitCode,
        status: 'handed_over',
        accountId: citizen.id,
        warnings: ['w.nikDayOffset'],
      });
      const types = [
        ...caseActionTypes,
        'submitted',
        'appointment_booked',
        'payment_received',
        'appointment_rescheduled',
        'appointment_cancelled',
        'appointment_expired',
        'check_in',
        'queue_no_show',
        'document_added',
        'document_removed',
        'saturday_pickup',
        'waitlist_joined',
        'waitlist_offered',
        'waitlist_accepted',
        'void',
      ];
      for (const type of types)
        await recordAction(ctx.db, systemCaller('test'), {
          applicationId: done.id,
          type,
          payload: { reason: 'Alasan uji', status: 'handed_over' },
        });
      ids.application = booked.id;
      ids.case = done.id;
      ids.account = citizen.id;
      const { complaint } = await makeComplaint(ctx.db, ctx.config, { unitCode });
      ids.complaint = complaint.id;
      const visit = await makeVisit(ctx.db, citizen, unitCode);
      ids.visit = visit.id;
    });

    /** A route's URL with its parameters filled from the fixtures (a made-up id where there is none). */
    const urlOf = (pattern: string) =>
      pattern
        .replace(/^\/applications\/:id/, `/applications/${ids.application}`)
        .replace(/^\/officer\/cases\/:id/, `/officer/cases/${ids.case}`)
        .replace(/^\/officer\/complaints\/:id/, `/officer/complaints/${ids.complaint}`)
        .replace(/home-visits\/:id/, `home-visits/${ids.visit}`)
        .replace(/^\/admin\/accounts\/:id/, `/admin/accounts/${ids.account}`)
        .replace(/:code/g, unitCode)
        .replace(/:date/g, witaDate())
        .replace(/:lang/g, 'en')
        .replace(/:(\w+)/g, () => crypto.randomUUID());

    // Every page, as every kind of visitor, in both languages: a walk that grows with each page (25 s or more).
    it(
      'shows no message key, raw code or ISO date, and writes numbers and times the way each language does',
      { timeout: 120_000 },
      async () => {
        const routes = registeredRoutes(ctx.app).filter(
          (r) =>
            r.startsWith('GET ') &&
            !/\/api\/|\/static\/|\/docs|\*|\.(csv|pdf|xlsx|ics|svg)$|healthz|readyz|metrics/.test(r),
        );
        expect(routes.length).toBeGreaterThan(60);
        const problems: string[] = [];
        for (const route of routes) {
          const url = urlOf(route.slice(4));
          for (const who of people) {
            for (const lang of ['id', 'en'] as const) {
              const res = await ctx.app.inject({
                url,
                headers: { cookie: [who.cookie, `lang=${lang}`].filter(Boolean).join('; ') },
              });
              if (!String(res.headers['content-type'] ?? '').includes('text/html')) continue;
              for (const p of problemsIn(visibleText(res.body), lang))
                problems.push(`${route} as ${who.name} [${lang}]: ${p}`);
            }
          }
        }
        expect([...new Set(problems)]).toEqual([]);
      },
    );

    it('finds what it looks for', () => {
      expect(problemsIn('Langkah: check_in, w.nikDayOffset, booking.proof.tooFast, 2026-05-12', 'id')).toEqual([
        'raw code check_in',
        'message key w.nikDayOffset',
        'message key booking.proof.tooFast',
        'ISO date 2026-05-12',
      ]);
      expect(problemsIn('Fee 350.000 at 08.00', 'en')).toEqual(['Indonesian number 350.000', 'Indonesian time 08.00']);
      expect(problemsIn('Buka 08:00', 'id')).toEqual(['English time 08:00']);
      expect(problemsIn('Rp 350.000 pukul 08.00, admin@demo.sikoe.id, app.css, sikoe.id', 'id')).toEqual([]);
    });
  },
  {},
  { ownDatabase: true },
);
