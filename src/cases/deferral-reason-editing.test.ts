import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { translator } from '../platform/i18n/index.ts';
import { listDeferralReasons } from './list-deferral-reasons.ts';
import { caseApi } from './test-support.ts';

const tId = translator('id');
const newCode = () => `t_${crypto.randomBytes(4).toString('hex')}`;

/** Offices keep the deferral reasons as data: the regional office's admins add, rename, reorder and retire them. */
describeApp('keeping the deferral reasons', (ctx) => {
  const { tokenOf } = caseApi(ctx);
  const send = async (who: Account, method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) =>
    ctx.app.inject({ method, url, payload, headers: { authorization: `Bearer ${await tokenOf(who)}` } });
  const audited = async (action: string, code: string) =>
    ctx.db.$count(auditLog, and(eq(auditLog.action, action), eq(auditLog.targetId, code)));

  it('lets an admin of the regional office add and change a reason over the API, audited; codes stay', async () => {
    const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
    const code = newCode();
    const body = { code, nameId: 'Sponsor fiktif', nameEn: 'Fictitious sponsor', nonProcedural: true, sort: 35 };
    const added = await send(admin, 'POST', '/api/v1/deferral-reasons', body);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ ...body, active: true });
    expect(await audited('deferral_reason.add', code)).toBe(1);
    for (const taken of [code, 'other', 'unrecorded']) {
      const again = await send(admin, 'POST', '/api/v1/deferral-reasons', { ...body, code: taken });
      expect(again.statusCode, taken).toBe(422);
      expect(again.json().error.fields).toHaveProperty('code');
    }
    const bad = await send(admin, 'POST', '/api/v1/deferral-reasons', { ...body, code: 'Bad Code' });
    expect(bad.json().error.fields).toHaveProperty('code');

    const changed = await send(admin, 'PATCH', `/api/v1/deferral-reasons/${code}`, {
      nameEn: 'Sponsor that does not exist',
      sort: 5,
      active: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ code, nameId: 'Sponsor fiktif', nameEn: 'Sponsor that does not exist' });
    expect(await audited('deferral_reason.update', code)).toBe(1);
    // Retired: not offered, still named for past deferrals.
    expect((await listDeferralReasons(ctx.db)).map((r) => r.code)).not.toContain(code);
    expect((await listDeferralReasons(ctx.db, { all: true })).find((r) => r.code === code)?.active).toBe(false);
    const empty = await send(admin, 'PATCH', `/api/v1/deferral-reasons/${code}`, {});
    expect(empty.statusCode, empty.body).toBe(422);
    expect(Object.values(empty.json().error.fields)).toEqual([
      'Sebutkan paling sedikit satu yang diubah: nama, urutan, atau status aktif.',
    ]);
    const unknown = await send(admin, 'PATCH', `/api/v1/deferral-reasons/${newCode()}`, { sort: 1 });
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses everyone else, an admin of a district office included, before reading the body', async () => {
    const code = newCode();
    for (const [role, unitCode] of [
      ['admin', 'KANIM-KUPANG'],
      ['head_of_office', 'KANWIL-NTT'],
      ['verifier', 'KANWIL-NTT'],
    ] as const) {
      const who = await makeOfficer(ctx.db, { role, unitCode });
      const add = await send(who, 'POST', '/api/v1/deferral-reasons', { code, nameId: 'X', nameEn: 'X' });
      expect(add.statusCode, `${role} ${unitCode}`).toBe(403);
      const change = await send(who, 'PATCH', '/api/v1/deferral-reasons/other', { active: false });
      expect(change.statusCode, `${role} ${unitCode}`).toBe(403);
    }
    expect((await listDeferralReasons(ctx.db)).map((r) => r.code)).toContain('other');
  });

  it('offers the page: everyone on cases reads, the regional admin adds and retires without JavaScript', async () => {
    const admin = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' })),
    );
    const list = '/officer/deferral-reasons';
    expect((await admin.get(list)).body).toContain(`action="${list}"`);
    const code = newCode();
    const form = { code, nameId: 'Tiket palsu', nameEn: 'Forged ticket', sort: '45', nonProcedural: 'yes' };
    const refused = await admin.post(list, { ...form, code: 'other' }, list);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(tId('cases.reasons.codeTaken'));
    expect(refused.body).toContain('value="Tiket palsu"');
    const added = await admin.post(list, form, list);
    expect(added.statusCode, added.body).toBe(303);
    const edit = `${list}/${code}`;
    expect((await admin.get(edit)).body).toContain('value="Forged ticket"');
    const saved = await admin.post(edit, { nameId: 'Tiket pesawat palsu', nameEn: 'Forged ticket', sort: '45' }, edit);
    expect(saved.statusCode, saved.body).toBe(303);
    const row = (await listDeferralReasons(ctx.db, { all: true })).find((r) => r.code === code);
    expect(row).toMatchObject({ nameId: 'Tiket pesawat palsu', nonProcedural: true, active: false, sort: 45 });
    expect(await audited('deferral_reason.update', code)).toBe(1);

    const verifier = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANIM-KUPANG' })),
    );
    const read = await verifier.get(list);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Tiket pesawat palsu');
    expect(read.body).not.toContain(`action="${list}"`);
    const facts = await verifier.get(edit);
    expect(facts.statusCode).toBe(200);
    expect(facts.body).toContain('Tiket pesawat palsu');
    expect(facts.body).not.toContain(`action="${edit}"`);
    expect((await verifier.post(edit, { nameId: 'Diubah', nameEn: 'Changed', sort: '1' }, edit)).statusCode).toBe(403);
  });
});
