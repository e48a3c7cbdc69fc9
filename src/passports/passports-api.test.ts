import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { performCaseAction } from '../cases/perform-case-action.ts';
import { makeCase } from '../cases/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { bookStock } from './schema.ts';

describeApp('GET /api/v1/passports/:number', (ctx) => {
  const get = async (number: string, account?: Account) => {
    const token = account
      ? (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token
      : undefined;
    return ctx.app.inject({
      url: `/api/v1/passports/${number}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  };

  it('shows a passport to officers whose scope covers its unit, audits each view, and hides it from everyone else', async () => {
    const unit = await makeUnit(ctx.db);
    await ctx.db.insert(bookStock).values({ unitCode: unit.code, passportType: 'elektronik', quantity: 1 });
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const c = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'approved',
      holderId: counter.id,
      fullName: 'Yosef Ndolu',
      birthDate: '1975-11-02',
    });
    const printed = await ctx.db.transaction((tx) =>
      performCaseAction(
        tx,
        { actor: toActor(counter, 'session', true) },
        { applicationId: c.id, body: { type: 'print' } },
        { storage: openStorage(ctx.config), publicUrl: ctx.config.publicUrl },
      ),
    );
    const number = printed.action.payload.passportNumber as string;

    const res = await get(number, counter);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      number,
      type: 'elektronik',
      holderName: 'Yosef Ndolu',
      birthDate: '1975-11-02',
      sex: 'M',
      unitCode: unit.code,
      status: 'printed',
    });
    expect(body.expiryDate.slice(5)).toBe(body.issueDate.slice(5));
    expect(body.mrz).toHaveLength(2);
    expect(body.mrz[0]).toMatch(/^P<IDNNDOLU<<YOSEF<+$/);
    expect(body.mrz[1].slice(0, 9)).toBe(`${number}<`);
    expect(Object.keys(body).sort()).toEqual([
      'birthDate',
      'expiryDate',
      'holderName',
      'issueDate',
      'mrz',
      'number',
      'sex',
      'status',
      'type',
      'unitCode',
    ]);
    // Lower case is the same number.
    expect((await get(number.toLowerCase(), counter)).statusCode).toBe(200);

    const regional = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
    expect((await get(number, regional)).statusCode).toBe(200);
    const views = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'passport.view'), eq(auditLog.targetId, number)))
      .orderBy(auditLog.id);
    expect(views.map((v) => [v.actorId, v.unitCode])).toEqual([
      [counter.id, unit.code],
      [counter.id, unit.code],
      [regional.id, unit.code],
    ]);

    // Another unit's officers cannot tell it from a number that does not exist.
    const elsewhere = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-MAUMERE' });
    const hidden = await get(number, elsewhere);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual((await get('X9999999', elsewhere)).json());
    expect((await get('X9999999', counter)).statusCode).toBe(404);
    // Roles that never see passports, citizens and strangers are refused before any lookup.
    const auditor = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    expect((await get(number, auditor)).json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await get(number, await makeCitizen(ctx.db))).statusCode).toBe(403);
    expect((await get(number)).statusCode).toBe(401);
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.action, 'passport.view'), eq(auditLog.targetId, number))),
    ).toBe(3);
    // Every refusal of a signed-in officer or citizen is audited too: probing for numbers leaves a trace.
    const refused = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'passport.view_refused'), eq(auditLog.targetId, number)))
      .orderBy(auditLog.id);
    expect(refused.map((r) => [r.actorId, r.details.status])).toEqual([
      [elsewhere.id, 404],
      [auditor.id, 403],
      [expect.any(String), 403],
    ]);
    const probed = await ctx.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'passport.view_refused'),
          eq(auditLog.targetId, 'X9999999'),
          eq(auditLog.actorId, elsewhere.id),
        ),
      );
    expect(probed).toHaveLength(1);
  });
});
