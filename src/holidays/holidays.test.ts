import { and, eq, gte, lte } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeOfficer, makeUnit, openDate, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { isWeekend } from '../platform/calendar/wita.ts';
import { closedDays } from './closed-days.ts';
import { holidays } from './schema.ts';
import { seedHolidays } from './seed-holidays.ts';

/** A random weekday of a year far ahead: holidays for every unit must not meet other tests' booking dates. */
function farWeekday(year: number): string {
  for (;;) {
    const date = `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
    if (!isWeekend(date)) return date;
  }
}

describeApp('holidays and office closures', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const isOpen = async (unitCode: string, date: string) =>
    (await ctx.app.inject({ url: `/api/v1/units/${unitCode}/availability?from=${date}&to=${date}` })).json<
      { open: boolean }[]
    >()[0]!.open;

  it('lets the regional admin add a cuti bersama that closes the date at every unit, once', async () => {
    const [a, b] = [await makeUnit(ctx.db), await makeUnit(ctx.db)];
    const date = farWeekday(2092);
    const admin = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' }));
    const form = { date, name: 'Cuti bersama uji', kind: 'cuti_bersama', unitCode: '' };
    const added = await admin.post('/admin/holidays', form, '/admin/holidays');
    expect(added.statusCode, added.body).toBe(303);
    expect(added.headers.location).toBe('/admin/holidays?year=2092&saved=1');
    for (const unitCode of [a.code, b.code, 'KANIM-KUPANG'])
      expect((await closedDays(ctx.db, unitCode, date, date)).get(date), unitCode).toBe('Cuti bersama uji');

    const list = await admin.get('/admin/holidays?year=2092');
    expect(list.body).toContain('Cuti bersama uji');
    expect(list.body).toContain('Semua kantor');
    const again = await admin.post('/admin/holidays', form);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('sudah ada pada tanggal tersebut');

    // A head of office closes offices, not the whole organisation; neither does the admin of one Kantor Imigrasi.
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: a.code }));
    const maumere = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-MAUMERE' }));
    for (const who of [head, maumere]) {
      const refused = await who.post(
        '/admin/holidays',
        { ...form, date: farWeekday(2092), name: 'Tanpa hak' },
        '/admin/holidays',
      );
      expect(refused.statusCode).toBe(403);
    }
    expect(await ctx.db.$count(holidays, eq(holidays.name, 'Tanpa hak'))).toBe(0);
  });

  it('lets a head of office close their own office only, move the closure and remove it, audited', async () => {
    const [unit, neighbour] = [await makeUnit(ctx.db), await makeUnit(ctx.db)];
    const [date, moved] = [await serviceDay(ctx.db, unit.code, 0), await serviceDay(ctx.db, unit.code, 1)];
    for (const code of [unit.code, neighbour.code]) for (const d of [date, moved]) await openDate(ctx.db, code, d, 5);
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));

    const noUnit = await head.post(
      '/admin/holidays',
      { date, name: 'Rapat kerja', kind: 'office_closure', unitCode: '' },
      '/admin/holidays',
    );
    expect(noUnit.statusCode).toBe(422);
    expect(noUnit.body).toContain('href="#f-unitCode"');
    const other = await head.post('/admin/holidays', {
      date,
      name: 'Rapat kerja',
      kind: 'office_closure',
      unitCode: neighbour.code,
    });
    expect(other.statusCode).toBe(403);
    expect(await isOpen(neighbour.code, date)).toBe(true);

    expect(
      (await head.post('/admin/holidays', { date, name: 'Rapat kerja', kind: 'office_closure', unitCode: unit.code }))
        .statusCode,
    ).toBe(303);
    expect(await isOpen(unit.code, date)).toBe(false);
    expect(await isOpen(neighbour.code, date)).toBe(true);

    const [closure] = await ctx.db
      .select()
      .from(holidays)
      .where(and(eq(holidays.unitCode, unit.code), eq(holidays.date, date)));
    const neighbourHead = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: neighbour.code }));
    expect((await neighbourHead.get(`/admin/holidays/${closure!.id}/edit`)).statusCode).toBe(403);
    expect((await neighbourHead.post(`/admin/holidays/${closure!.id}/delete`, {}, '/admin/holidays')).statusCode).toBe(
      403,
    );

    const edit = await head.get(`/admin/holidays/${closure!.id}/edit`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="Rapat kerja"');
    const change = await head.post(`/admin/holidays/${closure!.id}/edit`, {
      date: moved,
      name: 'Rapat kerja (diundur)',
      kind: 'office_closure',
      unitCode: unit.code,
    });
    expect(change.statusCode, change.body).toBe(303);
    expect(await isOpen(unit.code, date)).toBe(true);
    expect(await isOpen(unit.code, moved)).toBe(false);

    expect(
      (await head.post(`/admin/holidays/${closure!.id}/delete`, {}, `/admin/holidays/${closure!.id}/edit`)).statusCode,
    ).toBe(303);
    expect(await isOpen(unit.code, moved)).toBe(true);
    const trail = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'holiday'), eq(auditLog.targetId, closure!.id)))
      .orderBy(auditLog.id);
    expect(trail.map((e) => e.action)).toEqual(['holiday.add', 'holiday.update', 'holiday.remove']);
    expect(trail[1]!.details).toMatchObject({ before: { date }, after: { date: moved } });
  });

  it('seeds the national holidays of a year once, so a removed one does not come back', async () => {
    // A year no other test plans in (the roster's tests draw weeks from 2093 to 2095 on working days only).
    const year = 2088;
    const inYear = () =>
      ctx.db
        .select()
        .from(holidays)
        .where(
          and(eq(holidays.kind, 'national'), gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)),
        );
    await seedHolidays(ctx.db, [year]);
    const seeded = await inYear();
    expect(seeded.length).toBeGreaterThan(5);
    await ctx.db.delete(holidays).where(eq(holidays.id, seeded[0]!.id));
    await seedHolidays(ctx.db, [year]);
    expect(await inYear()).toHaveLength(seeded.length - 1);
  });
});
