import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { freeVillage } from '../../test/desa-binaan-factories.ts';
import { makeCitizen, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { mailsTo } from '../../test/mail.ts';
import { recordAction } from '../applications/actions.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { villageSignals } from '../village-signals.ts';
import { countCasesByVillage, countDeferrals, UNRECORDED_REASON } from './count-deferrals.ts';
import { deferralReasons } from './schema.ts';
import { seedDeferralReasons, seededDeferralReasons } from './seed-deferral-reasons.ts';
import { caseApi, makeCase } from './test-support.ts';

const tId = translator('id');
const checklist = { purpose: 'Wisata', destination: 'Malaysia', answersConsistent: false };
const today = witaDate();

describeApp('interview deferrals with a reason code', (ctx) => {
  const { act, officer, snapshot, refused, tokenOf } = caseApi(ctx);
  const retired = async () => {
    const code = `retired_${crypto.randomUUID().slice(0, 8)}`;
    await ctx.db.insert(deferralReasons).values({ code, nameId: 'Kode lama', nameEn: 'Old code', active: false });
    return code;
  };

  it('defers over the API with an active code; a missing, unknown or retired code is a field error and changes nothing', async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await officer('verifier', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: verifier.id });
    const before = await snapshot(c.id);
    const defer = { type: 'interview', checklist, outcome: 'defer', reason: 'Tidak dapat menyebut hotel dan tiket' };
    for (const reasonCode of [undefined, 'no_such_code', await retired()]) {
      const res = await act(verifier, c.id, { ...defer, reasonCode });
      await refused(res, 422, 'validation_failed');
      expect(res.json()).toMatchObject({ error: { fields: { reasonCode: expect.any(String) } } });
    }
    expect(await snapshot(c.id)).toEqual(before);

    const ok = await act(verifier, c.id, { ...defer, reasonCode: 'pmi_non_procedural' });
    expect(ok.json()).toMatchObject({
      status: 'deferred',
      action: { payload: { outcome: 'defer', reasonCode: 'pmi_non_procedural', reason: defer.reason } },
    });
    const [mail] = await mailsTo(ctx, c.email!);
    expect(mail!.text).toContain(defer.reason);
    expect(mail!.text).not.toContain('PMI');

    const json = await ctx.app.inject({
      url: `/api/v1/applications/${c.id}/case`,
      headers: { authorization: `Bearer ${await tokenOf(verifier)}` },
    });
    expect(json.json()).toMatchObject({
      status: 'deferred',
      interview: { outcome: 'defer', reasonCode: 'pmi_non_procedural', reason: defer.reason },
      attention: { villages: [], warnings: [] },
    });
  });

  it('offers the active codes on the interview form, refuses a deferral without one, and shows the chosen one', async () => {
    const unit = await makeUnit(ctx.db);
    const account = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const verifier = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
    const old = await retired();
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: account.id });
    const page = `/officer/cases/${c.id}`;
    const form = (await verifier.get(page)).body;
    expect(form).toContain('<option value="pmi_non_procedural">Dugaan PMI non-prosedural</option>');
    expect(form).toContain('value="documents_not_supplied"');
    expect(form).not.toContain(`value="${old}"`);
    // In the officer's language.
    const english = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
    await english.get(`/lang/en?next=${page}`);
    expect((await english.get(page)).body).toContain(
      '<option value="pmi_non_procedural">Suspected non-procedural migrant work</option>',
    );
    const answers = {
      type: 'interview',
      purpose: 'Kunjungan keluarga',
      destination: 'Malaysia',
      sponsor: '',
      answersConsistent: 'yes',
      outcome: 'defer',
      reason: 'Tidak ada surat undangan',
    };
    const noCode = await verifier.post(`${page}/actions`, { ...answers, reasonCode: '' }, page);
    expect(noCode.statusCode).toBe(422);
    expect(noCode.body).toContain('href="#f-reasonCode"');
    expect(noCode.body).toContain('Tidak ada surat undangan');
    const sent = await verifier.post(`${page}/actions`, { ...answers, reasonCode: 'purpose_unclear' }, page);
    expect(sent.statusCode, sent.body).toBe(303);
    const after = (await verifier.get(page)).body;
    expect(after).toContain(tId('cases.statuses.deferred'));
    expect(after).toContain('Tujuan tidak jelas');
  });

  it('lists the active reasons in both languages to officers, not to citizens, partners or anonymous callers', async () => {
    const unit = await makeUnit(ctx.db);
    const old = await retired();
    const get = async (token?: string) =>
      ctx.app.inject({
        url: '/api/v1/deferral-reasons',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    for (const role of ['counter_officer', 'oversight_officer'] as const) {
      const res = await get(await tokenOf(await officer(role, unit.code)));
      expect(res.statusCode).toBe(200);
      const list = res.json<{ code: string; nameId: string; nameEn: string; nonProcedural: boolean }[]>();
      expect(list).toContainEqual({
        code: 'pmi_non_procedural',
        nameId: 'Dugaan PMI non-prosedural',
        nameEn: 'Suspected non-procedural migrant work',
        nonProcedural: true,
      });
      expect(list.map((r) => r.code)).not.toContain(old);
    }
    expect((await get(await tokenOf(await officer('partner', unit.code)))).statusCode).toBe(403);
    expect((await get(await tokenOf(await makeCitizen(ctx.db)))).statusCode).toBe(403);
    expect((await get()).statusCode).toBe(401);
  });

  it('seeds the codes idempotently, keeping an office’s later edits', async () => {
    const row = await ctx.db.select().from(deferralReasons).where(eq(deferralReasons.code, 'duplicate_application'));
    expect(row[0]).toMatchObject({ nameId: 'Permohonan ganda', nonProcedural: false, active: true });
    await ctx.db
      .update(deferralReasons)
      .set({ nameId: 'Permohonan ganda (diubah kantor)' })
      .where(eq(deferralReasons.code, 'duplicate_application'));
    try {
      await seedDeferralReasons(ctx.db);
      await seedDeferralReasons(ctx.db);
      const rows = await ctx.db.select().from(deferralReasons);
      for (const seeded of seededDeferralReasons) expect(rows.filter((r) => r.code === seeded.code)).toHaveLength(1);
      expect(rows.find((r) => r.code === 'duplicate_application')!.nameId).toBe('Permohonan ganda (diubah kantor)');
      expect(rows.filter((r) => r.nonProcedural).map((r) => r.code)).toEqual(
        expect.arrayContaining(['pmi_non_procedural', 'no_work_recommendation', 'purpose_unclear']),
      );
    } finally {
      await ctx.db
        .update(deferralReasons)
        .set({ nameId: 'Permohonan ganda' })
        .where(eq(deferralReasons.code, 'duplicate_application'));
    }
  });

  it('counts applications and deferrals by reason per village, and deferrals per office, regency and reason', async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await officer('verifier', unit.code);
    const [a, b, quiet] = [await freeVillage(ctx.db), await freeVillage(ctx.db), await freeVillage(ctx.db)];
    const deferIn = async (villageCode: string | null, reasonCode: string) => {
      const c = await makeCase(ctx.db, {
        unitCode: unit.code,
        status: 'biometrics_captured',
        holderId: verifier.id,
        villageCode,
      });
      const res = await act(verifier, c.id, {
        type: 'interview',
        checklist,
        outcome: 'defer',
        reasonCode,
        reason: 'Ditunda',
      });
      expect(res.statusCode, res.body).toBe(200);
      return c;
    };
    await deferIn(a.villageCode, 'pmi_non_procedural');
    await deferIn(a.villageCode, 'pmi_non_procedural');
    await deferIn(a.villageCode, 'purpose_unclear');
    await deferIn(b.villageCode, 'duplicate_application');
    await deferIn(b.villageCode, 'other');
    await deferIn(null, 'documents_not_supplied');
    // Passed, and a deferral recorded before reason codes existed: `unrecorded`, not the real `other`.
    const passed = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'biometrics_captured',
      holderId: verifier.id,
      villageCode: b.villageCode,
    });
    expect((await act(verifier, passed.id, { type: 'interview', checklist, outcome: 'pass' })).statusCode).toBe(200);
    const older = await makeCase(ctx.db, { unitCode: unit.code, status: 'deferred', villageCode: b.villageCode });
    await recordAction(ctx.db, systemCaller('test'), {
      applicationId: older.id,
      type: 'interview',
      payload: { outcome: 'defer', reason: 'Sebelum kode alasan', checklist: {} },
    });

    const byVillage = await countCasesByVillage(ctx.db, [a.villageCode, b.villageCode, quiet.villageCode], {
      from: today,
      to: today,
    });
    expect(byVillage.get(a.villageCode)).toEqual({
      applications: 3,
      deferrals: [
        { reasonCode: 'pmi_non_procedural', count: 2 },
        { reasonCode: 'purpose_unclear', count: 1 },
      ],
    });
    expect(byVillage.get(b.villageCode)).toEqual({
      applications: 4,
      deferrals: [
        { reasonCode: 'duplicate_application', count: 1 },
        { reasonCode: 'other', count: 1 },
        { reasonCode: 'unrecorded', count: 1 },
      ],
    });
    // Whoever shows the counts can name the category in both languages.
    const signals = (await villageSignals(ctx.db, [b.villageCode], { from: today, to: today })).get(b.villageCode);
    expect(signals?.deferrals.find((d) => d.reasonCode === 'unrecorded')?.name).toEqual({
      id: UNRECORDED_REASON.nameId,
      en: UNRECORDED_REASON.nameEn,
    });
    expect(byVillage.get(quiet.villageCode)).toEqual({ applications: 0, deferrals: [] });
    const yesterday = await countCasesByVillage(ctx.db, [a.villageCode], { from: '2020-01-01', to: '2020-01-31' });
    expect(yesterday.get(a.villageCode)).toEqual({ applications: 0, deferrals: [] });

    const figures = (await countDeferrals(ctx.db, { from: today, to: today })).filter((f) => f.unitCode === unit.code);
    expect(figures).toEqual(
      [
        { unitCode: unit.code, regencyCode: '', category: 'documents_not_supplied', count: 1 },
        { unitCode: unit.code, regencyCode: a.villageCode.slice(0, 5), category: 'pmi_non_procedural', count: 2 },
        { unitCode: unit.code, regencyCode: a.villageCode.slice(0, 5), category: 'purpose_unclear', count: 1 },
        { unitCode: unit.code, regencyCode: b.villageCode.slice(0, 5), category: 'duplicate_application', count: 1 },
        { unitCode: unit.code, regencyCode: b.villageCode.slice(0, 5), category: 'other', count: 1 },
        { unitCode: unit.code, regencyCode: b.villageCode.slice(0, 5), category: 'unrecorded', count: 1 },
      ].sort((x, y) => x.regencyCode.localeCompare(y.regencyCode) || x.category.localeCompare(y.category)),
    );
  });
});
