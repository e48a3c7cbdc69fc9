import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { duties, mobileKits } from './schema.ts';

describeApp('mobile kits', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const kitsOf = (unitCode: string) =>
    ctx.db.select().from(mobileKits).where(eq(mobileKits.unitCode, unitCode)).orderBy(mobileKits.name);

  it('lets the head of office add and retire kits, audited, and refuses what would break a duty', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));
    const page = `/officer/units/${unit.code}/kits`;
    const added = await head.post(page, { name: 'Kit Alor 1', serial: 'SN-001' }, page);
    expect(added.statusCode, added.body).toBe(303);
    expect(added.headers.location).toBe(`${page}?saved=added`);
    expect((await head.post(page, { name: 'Kit Rote' })).statusCode).toBe(303);
    const [alor, rote] = await kitsOf(unit.code);
    expect(alor).toMatchObject({ name: 'Kit Alor 1', serial: 'SN-001', active: true });
    expect(rote).toMatchObject({ name: 'Kit Rote', serial: null });

    const same = await head.post(page, { name: 'kit alor 1' });
    expect(same.statusCode).toBe(422);
    expect(same.body).toContain('Sudah ada perangkat aktif dengan nama ini');
    const blank = await head.post(page, { name: '' });
    expect(blank.statusCode).toBe(422);
    expect(blank.body).toContain('href="#f-name"');

    // A kit still booked for an upcoming session stays in service.
    await ctx.db.insert(duties).values({
      date: addDays(witaDate(), 3),
      unitCode: unit.code,
      kind: 'session',
      refId: crypto.randomUUID(),
      kitId: rote!.id,
    });
    const busy = await head.post(`${page}/${rote!.id}/deactivate`, {}, page);
    expect(busy.statusCode).toBe(409);
    expect(busy.body).toContain('masih dijadwalkan');

    const retired = await head.post(`${page}/${alor!.id}/deactivate`, {}, page);
    expect(retired.statusCode).toBe(303);
    expect((await head.post(`${page}/${alor!.id}/deactivate`, {}, page)).statusCode).toBe(409);
    expect((await kitsOf(unit.code)).map((k) => [k.name, k.active])).toEqual([
      ['Kit Alor 1', false],
      ['Kit Rote', true],
    ]);
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.unitCode, unit.code), eq(auditLog.targetType, 'mobile_kit')))
      .orderBy(auditLog.id);
    expect(audits.map((a) => [a.action, a.targetId])).toEqual([
      ['kit.add', alor!.id],
      ['kit.add', rote!.id],
      ['kit.deactivate', alor!.id],
    ]);
    // Retired, the name is free again.
    expect((await head.post(page, { name: 'Kit Alor 1' })).statusCode).toBe(303);
    const shown = await head.get(`${page}?saved=deactivated`);
    expect(shown.body).toContain('Perangkat dinonaktifkan.');
    expect(shown.body).toContain('Tidak aktif');
  });

  it('shows kits to the counter roles without the forms, and refuses them and other units any change', async () => {
    const unit = await makeUnit(ctx.db);
    const [kit] = await ctx.db.insert(mobileKits).values({ unitCode: unit.code, name: 'Kit Sumba' }).returning();
    const page = `/officer/units/${unit.code}/kits`;
    const counter = await as(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code }));
    const seen = await counter.get(page);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('Kit Sumba');
    expect(seen.body).not.toContain(`${page}/${kit!.id}/deactivate`);
    expect(seen.body).not.toContain('name="serial"');
    expect((await counter.post(page, { name: 'Kit Baru' })).statusCode).toBe(403);
    expect((await counter.post(page, { name: '' })).statusCode).toBe(403);
    expect((await counter.post(`${page}/${kit!.id}/deactivate`, {})).statusCode).toBe(403);

    const stranger = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }));
    expect((await stranger.get(page)).statusCode).toBe(403);
    expect((await stranger.post(`${page}/${kit!.id}/deactivate`, {}, '/officer')).statusCode).toBe(403);
    // Through a unit in scope, a kit of another unit is not found.
    const other = await makeUnit(ctx.db);
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: other.code }));
    expect(
      (
        await head.post(
          `/officer/units/${other.code}/kits/${kit!.id}/deactivate`,
          {},
          `/officer/units/${other.code}/kits`,
        )
      ).statusCode,
    ).toBe(404);
    expect(await kitsOf(unit.code)).toMatchObject([{ name: 'Kit Sumba', active: true }]);
  });
});
