import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeCitizen, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { applications } from '../applications/schema.ts';
import { makeCase } from '../cases/test-support.ts';
import { closedDays } from '../holidays/closed-days.ts';
import { holidays } from '../holidays/schema.ts';
import { passports } from '../passports/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { queueStatuses } from './work-queue.ts';

type Item = {
  id: string;
  trackingCode: string;
  due: string | null;
  workingDaysLate: number;
  holder: { id: string } | null;
};

/** A name nobody else's test uses, made of letters only (a name search must find exactly this test's cases). */
const uniqueName = () =>
  `${crypto
    .randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 3)}${Array.from({ length: 8 }, () => String.fromCharCode(97 + crypto.randomInt(26))).join('')}`;
const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

describeApp('work queues and case search', (ctx) => {
  const tokenFor = async (account: { id: string }) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const api = async (account: Account, url: string) =>
    ctx.app.inject({ url, headers: { authorization: `Bearer ${await tokenFor(account)}` } });
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  it('gives each role the statuses it acts on next', () => {
    expect(queueStatuses('counter_officer')).toEqual([
      'checked_in',
      'documents_incomplete',
      'documents_verified',
      'watchlist_cleared',
      'payment_confirmed',
      'approved',
      'printed',
      'ready',
    ]);
    expect(queueStatuses('adjudicator')).toEqual(['biometrics_captured', 'deferred', 'interviewed']);
    expect(queueStatuses('head_of_office')).toHaveLength(11);
    expect(queueStatuses('admin')).toEqual([]);
    expect(queueStatuses('auditor')).toEqual([]);
  });

  it("shows each role its own statuses, only in the officer's scope, with who holds each case", async () => {
    const unit = await makeUnit(ctx.db);
    const post = await makeUnit(ctx.db, { parentCode: unit.code, kind: 'pos' });
    const elsewhere = await makeUnit(ctx.db);
    const counter = await makeOfficer(ctx.db, {
      role: 'counter_officer',
      unitCode: unit.code,
      name: 'Petugas Loket Uji',
    });
    const adjudicator = await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: unit.code });
    const checkedIn = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in', holderId: counter.id });
    const atPost = await makeCase(ctx.db, { unitCode: post.code, status: 'checked_in' });
    const interviewed = await makeCase(ctx.db, { unitCode: unit.code, status: 'interviewed' });
    const done = await makeCase(ctx.db, { unitCode: unit.code, status: 'handed_over' });
    const notOurs = await makeCase(ctx.db, { unitCode: elsewhere.code, status: 'checked_in' });

    const counterQueue = await api(counter, '/api/v1/work');
    expect(counterQueue.statusCode, counterQueue.body).toBe(200);
    const counterItems = counterQueue.json().items as Item[];
    expect(ids(counterItems).sort()).toEqual([checkedIn.id, atPost.id].sort());
    expect(counterItems.find((i) => i.id === checkedIn.id)).toMatchObject({
      holder: { id: counter.id, name: 'Petugas Loket Uji' },
      due: null,
    });
    const adjudicatorItems = (await api(adjudicator, '/api/v1/work')).json().items as Item[];
    expect(ids(adjudicatorItems)).toEqual([interviewed.id]);
    for (const items of [counterItems, adjudicatorItems])
      for (const absent of [done.id, notOurs.id]) expect(ids(items)).not.toContain(absent);

    expect(ids((await api(counter, `/api/v1/work?unit=${post.code}`)).json().items)).toEqual([atPost.id]);
    expect(ids((await api(counter, '/api/v1/work?mine=true')).json().items)).toEqual([checkedIn.id]);
    expect((await api(counter, '/api/v1/work?status=interviewed')).json().items).toEqual([]);
    const outside = await api(counter, `/api/v1/work?unit=${elsewhere.code}`);
    expect(outside.statusCode).toBe(403);
    expect(
      (
        await api(
          await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: post.code }),
          `/api/v1/work?unit=${unit.code}`,
        )
      ).statusCode,
    ).toBe(403);

    const page = await (await as(counter)).get('/officer/work');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/officer/cases/${checkedIn.id}"`);
    expect(page.body).toContain(checkedIn.trackingCode);
    expect(page.body).not.toContain(interviewed.trackingCode);
    expect(page.body).not.toContain(notOurs.trackingCode);
    expect(page.body).toContain('Anda');
  });

  it('puts overdue cases first, counts the working days they are late, and pages the rest by waiting time', async () => {
    const unit = await makeUnit(ctx.db);
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const today = witaDate();
    const lateDue = addDays(today, -9);
    await ctx.db
      .insert(holidays)
      .values({ date: addDays(today, -3), name: 'Penutupan uji', kind: 'office_closure', unitCode: unit.code })
      .onConflictDoNothing();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const make = async (minutesAgo: number, dueOn: string | null) => {
      const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'payment_confirmed' });
      await ctx.db
        .update(applications)
        .set({ dueOn, statusAt: at(minutesAgo) })
        .where(eq(applications.id, c.id));
      return c.id;
    };
    const oldest = await make(500, null);
    const lateRecent = await make(10, lateDue);
    const dueToday = await make(300, today);
    const lateOld = await make(100, addDays(today, -1));
    const upcoming = await make(200, addDays(today, 4));
    const closed = await closedDays(ctx.db, unit.code, addDays(lateDue, 1), today);
    const expectedLate = Array.from({ length: 9 }, (_, i) => addDays(lateDue, i + 1)).filter(
      (d) => !closed.has(d),
    ).length;

    const res = await api(counter, '/api/v1/work');
    const items = res.json().items as Item[];
    expect(ids(items)).toEqual([lateOld, lateRecent, oldest, dueToday, upcoming]);
    expect(items.map((i) => i.due)).toEqual(['late', 'late', null, 'today', 'upcoming']);
    expect(items[1]!.workingDaysLate).toBe(expectedLate);
    expect(ids((await api(counter, '/api/v1/work?overdue=true')).json().items)).toEqual([lateOld, lateRecent]);

    const page = await (await as(counter)).get('/officer/work?overdue=1');
    expect(page.body).toContain(`Terlambat ${expectedLate} hari kerja`);
    expect(page.body).not.toContain(`/officer/cases/${upcoming}"`);

    for (let i = 0; i < 24; i++) await make(1000 + i, null);
    const first = (await api(counter, '/api/v1/work')).json();
    expect(first).toMatchObject({ page: 1, hasNext: true });
    expect(first.items).toHaveLength(25);
    const second = (await api(counter, '/api/v1/work?page=2')).json();
    expect(second).toMatchObject({ page: 2, hasNext: false });
    expect(second.items).toHaveLength(4);
    expect(ids(second.items).slice(1)).toEqual([oldest, dueToday, upcoming]);
    expect(new Set([...ids(first.items), ...ids(second.items)]).size).toBe(29);
    const paged = await (await as(counter)).get('/officer/work?page=2');
    expect(paged.body).toContain('href="/officer/work?page=1"');
  });

  it('finds cases by name, NIK, tracking code and passport number within the scope only, never drafts, and audits each search', async () => {
    const unit = await makeUnit(ctx.db);
    const elsewhere = await makeUnit(ctx.db);
    const given = uniqueName();
    const family = uniqueName();
    const fullName = `${capitalised(given)} ${capitalised(family)}`;
    const found = await makeCase(ctx.db, { unitCode: unit.code, status: 'printed', fullName });
    const handedOver = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'handed_over',
      fullName: `${capitalised(given)} Bria`,
    });
    const draft = await makeApplication(ctx.db, { unitCode: unit.code, status: 'draft', fullName });
    const outside = await makeCase(ctx.db, { unitCode: elsewhere.code, status: 'checked_in', fullName });
    const number = `Z${crypto.randomInt(10_000_000, 99_999_999)}`;
    await ctx.db.insert(passports).values({
      number,
      applicationId: found.id,
      type: 'elektronik',
      unitCode: unit.code,
      holderName: fullName.toUpperCase(),
      nik: found.nik!,
      birthDate: found.birthDate!,
      sex: 'M',
      issueDate: witaDate(),
      expiryDate: addDays(witaDate(), 3650),
      mrz1: 'P<IDN',
      mrz2: number,
      status: 'printed',
    });
    const officer = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const search = async (q: string, who = officer) => {
      const res = await api(who, `/api/v1/cases/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ kind: string; hits: { id: string; passportNumber: string | null }[] }>();
    };
    const audits = () =>
      ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, officer.id), eq(auditLog.action, 'case.search')))
        .orderBy(auditLog.id);

    expect(ids((await search(given.slice(0, 5))).hits).sort()).toEqual([found.id, handedOver.id].sort());
    expect(ids((await search(family.slice(0, 4))).hits)).toEqual([found.id]);
    expect(ids((await search(`${given.slice(0, 2)} ${family.slice(0, 3).toUpperCase()}`)).hits)).toEqual([found.id]);
    expect(ids((await search(fullName)).hits)).toEqual([found.id]);
    const byNik = await search(found.nik!);
    expect(byNik.kind).toBe('nik');
    expect(ids(byNik.hits)).toEqual([found.id]);
    const code = found.trackingCode.toLowerCase();
    expect(ids((await search(`${code.slice(0, 6)}-${code.slice(6)}`)).hits)).toEqual([found.id]);
    const byPassport = await search(number.toLowerCase());
    expect(byPassport).toMatchObject({ kind: 'code', hits: [{ id: found.id, passportNumber: number }] });
    const second = uniqueName();
    const hyphenated = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'ready',
      fullName: `Maria ${capitalised(family)}-${capitalised(second)}`,
    });
    expect(ids((await search(`${second.slice(0, 5)} ${family.slice(0, 3)}`)).hits)).toEqual([hyphenated.id]);
    for (const q of [given, outside.nik!, outside.trackingCode, draft.trackingCode, draft.nik!]) {
      const ids = (await search(q)).hits.map((h) => h.id);
      expect(ids).not.toContain(outside.id);
      expect(ids).not.toContain(draft.id);
    }
    const outsider = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: elsewhere.code });
    expect((await search(found.nik!, outsider)).hits).toEqual([]);
    expect((await search(number, outsider)).hits).toEqual([]);

    const entries = await audits();
    expect(entries).toHaveLength(13);
    expect(entries[4]!.details).toEqual({ kind: 'nik', query: found.nik, results: 1 });
    expect(entries[0]!.details).toMatchObject({ kind: 'name', query: given.slice(0, 5), results: 2 });

    const bad = await api(officer, '/api/v1/cases/search?q=%21%21');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.q).toBeTruthy();
    expect(await audits()).toHaveLength(13);

    const browser = await as(officer);
    const page = await browser.get(`/officer/search?q=${encodeURIComponent(found.nik!)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/officer/cases/${found.id}"`);
    expect(page.body).toContain(number);
    const invalid = await browser.get('/officer/search?q=%21%21');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('href="#f-q"');
    const empty = await browser.get('/officer/search');
    expect(empty.statusCode).toBe(200);
    expect(await audits()).toHaveLength(14);
  });

  it('finds a tracking code that has no digit in it', async () => {
    const unit = await makeUnit(ctx.db);
    const lettersOnly = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'checked_in',
      trackingCode: `SK${Array.from({ length: 10 }, () => 'ABCDEFGHJKMNPQRSTVWXYZ'[crypto.randomInt(22)]).join('')}`,
    });
    const officer = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const res = await api(officer, `/api/v1/cases/search?q=${lettersOnly.trackingCode.toLowerCase()}`);
    expect(res.json()).toMatchObject({ kind: 'code', hits: [{ id: lettersOnly.id }] });
  });

  it('refuses people who may not work cases', async () => {
    const unit = await makeUnit(ctx.db);
    const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: unit.code });
    expect((await api(admin, '/api/v1/work')).statusCode).toBe(403);
    expect((await api(admin, '/api/v1/cases/search?q=ndun')).statusCode).toBe(200);
    for (const role of ['partner', 'auditor', 'oversight_officer'] as const) {
      const officer = await makeOfficer(ctx.db, { role, unitCode: unit.code });
      expect((await api(officer, '/api/v1/work')).statusCode, role).toBe(403);
      expect((await api(officer, '/api/v1/cases/search?q=ndun')).statusCode, role).toBe(403);
    }
    const citizen = await makeCitizen(ctx.db);
    expect((await api(citizen, '/api/v1/cases/search?q=ndun')).json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await ctx.app.inject({ url: '/api/v1/work' })).statusCode).toBe(401);
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.action, 'case.search'), eq(auditLog.actorId, citizen.id))),
    ).toBe(0);
    // The refusal itself is audited, with what was searched for.
    const [refused] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.search_refused'), eq(auditLog.actorId, citizen.id)));
    expect(refused!.details).toMatchObject({ query: 'ndun', status: 403, code: 'forbidden' });
  });
});
