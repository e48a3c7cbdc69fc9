import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { holidays } from '../holidays/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { witaInstant } from '../platform/calendar/wita.ts';
import { describeApp } from '../../test/db.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { makeCitizen, makeOfficer, makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { FALLBACK_UNIT } from './file-tip.ts';
import { listTips } from './list-tips.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { tipReporters, villageTipActions, villageTips } from './schema.ts';
import {
  actOnTip,
  adoptVillage,
  freeVillage,
  callerAs,
  makePimpasa,
  makeTip,
  refused,
  tipHelpers,
} from './test-support.ts';

describeApp('village tips: filing, deadlines and the workflow', (ctx) => {
  const { api, as } = tipHelpers(ctx);
  const stored = async (code: string) =>
    (await ctx.db.select().from(villageTips).where(eq(villageTips.trackingCode, code)))[0]!;

  it('takes a tip from the phone form without JavaScript: the picker resubmits, the receipt shows code and secret once', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const [province, regency, district] = [village.slice(0, 2), village.slice(0, 5), village.slice(0, 8)];
    const browser = new Browser(ctx.app);
    const form = (await browser.get('/desa-binaan/lapor')).body;
    expect(form).toContain('Lapor atau bertanya');
    expect(form).not.toContain('<script');
    // Each "show choices" press renders the next level, saving nothing.
    const picked = await browser.post('/desa-binaan/lapor', {
      kind: 'departure',
      village_province: province,
      village_regency: regency,
      village_district: district,
      _refresh: 'village',
    });
    expect(picked.statusCode).toBe(200);
    expect(picked.body).toContain(`value="${village}"`);
    expect(await ctx.db.$count(villageTips, eq(villageTips.unitCode, unit.code))).toBe(0);

    const missing = await browser.post('/desa-binaan/lapor', {
      kind: 'departure',
      description: 'Tetangga akan berangkat.',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('kirim tanpa nama');

    const sent = await browser.post('/desa-binaan/lapor', {
      requestId: 'tip-form-0001',
      kind: 'departure',
      village_province: province,
      village_regency: regency,
      village_district: district,
      village_village: village,
      description: 'Tetangga akan berangkat kerja ke Malaysia minggu depan lewat jalan tikus.',
      anonymous: '1',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['cache-control']).toBe('no-store');
    const code = /(DB[0-9A-Z]{10})/.exec(sent.body)![1]!;
    const secret = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(sent.body)![1]!;
    const tip = await stored(code);
    expect(tip).toMatchObject({ unitCode: unit.code, villageCode: village, channel: 'web', status: 'received' });
    const [reporter] = await ctx.db.select().from(tipReporters).where(eq(tipReporters.tipId, tip.id));
    expect(reporter).toMatchObject({ anonymous: true, name: null, accountId: null, recordedBy: null });

    // Following: the status and answers with the right secret; a wrong secret is refused as an unknown code is.
    const follow = (trackingCode: string, s: string) =>
      new Browser(ctx.app).post('/desa-binaan/lapor/lacak', { trackingCode, secret: s }, '/desa-binaan/lapor/lacak');
    const seen = await follow(code.toLowerCase(), secret.toLowerCase().replaceAll('-', ' '));
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('Diterima');
    const wrong = await follow(code, 'AAAA-BBBB-CCCC-DDDD');
    const unknown = await follow('DB0000000000', secret);
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const stripped = (body: string) => body.replace(/name="_csrf" value="[^"]+"/, '').replace(/DB[0-9A-Z]{10}/g, '');
    expect(stripped(wrong.body)).toBe(stripped(unknown.body));
    const apiWrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/village-tips/follow',
      payload: { trackingCode: code, secret: 'AAAA-BBBB-CCCC-DDDD' },
    });
    const apiUnknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/village-tips/follow',
      payload: { trackingCode: 'DB0000000000', secret },
    });
    expect([apiWrong.statusCode, apiUnknown.statusCode]).toEqual([404, 404]);
    expect(apiWrong.json()).toEqual(apiUnknown.json());
  });

  it('files through the API (a resent request id returns the same ticket) and routes to the right office', async () => {
    const unit = await makeUnit(ctx.db);
    const adopted = await adoptVillage(ctx.db, unit.code);
    const body = {
      requestId: 'tip-api-00000001',
      kind: 'recruiter',
      villageCode: adopted,
      description: 'Calo datang.',
      anonymous: true,
    };
    const first = await ctx.app.inject({ method: 'POST', url: '/api/v1/village-tips', payload: body });
    expect(first.statusCode).toBe(201);
    const again = await ctx.app.inject({ method: 'POST', url: '/api/v1/village-tips', payload: body });
    expect(again.json()).toEqual(first.json());
    expect(await ctx.db.$count(villageTips, eq(villageTips.requestId, body.requestId))).toBe(1);
    const other = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/village-tips',
      payload: { ...body, description: 'Lain.' },
    });
    expect(other.statusCode).toBe(409);
    expect((await stored(first.json().trackingCode)).unitCode).toBe(unit.code);

    // Not adopted: the office whose working area holds the regency (Belu → Atambua); no village: the Kanwil.
    const belu = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/village-tips',
      payload: {
        kind: 'question',
        villageCode: await freeVillage(ctx.db, '53.04.'),
        description: 'Paspor?',
        anonymous: true,
      },
    });
    expect((await stored(belu.json().trackingCode)).unitCode).toBe('KANIM-ATAMBUA');
    const nowhere = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/village-tips',
      payload: { kind: 'foreigner', description: 'Orang asing tinggal di kebun.', anonymous: true },
    });
    expect((await stored(nowhere.json().trackingCode)).unitCode).toBe(FALLBACK_UNIT);

    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/village-tips',
      payload: { kind: 'question', villageCode: '99.99.99.9999', description: 'x', reporterName: '' },
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['reporterName', 'villageCode']);

    // A signed-in citizen who gives their name is linked in the reporter's row, never in the history or audit.
    const citizen = await makeCitizen(ctx.db);
    const named = await api(citizen, 'POST', '/api/v1/village-tips', {
      kind: 'recruiter',
      villageCode: adopted,
      description: 'Sponsor menjanjikan kerja di Sabah.',
      reporterName: 'Agustina Warga',
    });
    const tip = await stored(named.json().trackingCode);
    const [reporter] = await ctx.db.select().from(tipReporters).where(eq(tipReporters.tipId, tip.id));
    expect(reporter).toMatchObject({ anonymous: false, name: 'Agustina Warga', accountId: citizen.id });
    const [received] = await ctx.db.select().from(villageTipActions).where(eq(villageTipActions.tipId, tip.id));
    expect(received!.actorId).toBeNull();
    const [entry] = await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, tip.id));
    expect(entry).toMatchObject({ actorId: null, ip: null, action: 'village_tip.received' });
  });

  it('lets a PIMPASA of the village or staff of the office type in a villager tip, nobody else', async () => {
    const unit = await makeUnit(ctx.db);
    const other = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const pimpasa = await makeOfficer(ctx.db, { role: 'verifier', unitCode: other.code });
    await makePimpasa(ctx.db, pimpasa, village);
    const input = { villageCode: village, channel: 'village_officer' as const };
    const { tip } = await makeTip(ctx.db, input, callerAs(pimpasa));
    expect(tip).toMatchObject({ channel: 'village_officer', unitCode: unit.code });
    const [reporter] = await ctx.db.select().from(tipReporters).where(eq(tipReporters.tipId, tip.id));
    expect(reporter!.recordedBy).toBe(pimpasa.id);

    const staff = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    expect((await makeTip(ctx.db, input, callerAs(staff))).tip.unitCode).toBe(unit.code);
    const stranger = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: other.code });
    expect(await refused(() => makeTip(ctx.db, input, callerAs(stranger)))).toBe('forbidden');
    const partner = await makeOfficer(ctx.db, { role: 'partner', unitCode: unit.code });
    expect(await refused(() => makeTip(ctx.db, input, callerAs(partner)))).toBe('forbidden');
    expect(await refused(() => makeTip(ctx.db, input, systemCaller('test')))).toBe('unauthenticated');

    // Through the API with a token, and through the form, which shows officers the channel choice.
    const res = await api(pimpasa, 'POST', '/api/v1/village-tips', {
      kind: 'question',
      channel: 'village_officer',
      villageCode: village,
      description: 'Warga bertanya syarat paspor untuk umrah.',
      reporterName: 'Yakobus',
    });
    expect(res.statusCode).toBe(201);
    const page = await (await as(pimpasa)).get('/desa-binaan/lapor');
    expect(page.body).toContain('name="channel"');
  });

  it('sets the deadlines on the office calendar, marks the overdue, and runs triage to closing', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    // Friday 2030-01-04; Monday the 7th is the office's own closure: triage is due Wednesday the 9th.
    await ctx.db
      .insert(holidays)
      .values({ date: '2030-01-07', name: 'Tutup', kind: 'office_closure', unitCode: unit.code });
    const { tip, secret } = await makeTip(
      ctx.db,
      { villageCode: village },
      undefined,
      witaInstant('2030-01-04', '10:00'),
    );
    expect(tip.triageDueOn).toBe('2030-01-09');
    expect(tip.closeDueOn).toBe('2030-01-25');

    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const [late] = await listTips(ctx.db, officerActor(officer), { unitCode: unit.code }, '2030-01-10');
    expect(late!.overdue).toEqual({ triage: true, close: false });
    const browser = await as(officer);
    const queue = await browser.get(`/officer/desa-binaan/tips?unit=${unit.code}`);
    expect(queue.body).toContain(tip.trackingCode);

    expect(
      await refused(() => actOnTip(ctx.db, officer, { tipId: tip.id, step: 'hand_over', handedTo: 'police' })),
    ).toBe('invalid_transition');
    expect(await refused(() => actOnTip(ctx.db, officer, { tipId: tip.id, step: 'triage' }))).toBe('validation_failed');
    const page = `/officer/desa-binaan/tips/${tip.id}`;
    await browser.get(page);
    const unsure = await browser.post(`${page}/actions`, { step: 'triage', requestId: 'tip-triage-0000' });
    expect(unsure.statusCode).toBe(422);
    expect(unsure.body).toContain('Wajib diisi');
    expect(unsure.body).toContain('Tampilkan pelapor');
    const triaged = await browser.post(`${page}/actions`, {
      step: 'triage',
      credible: 'yes',
      text: 'Cocok dengan info Timpora.',
      requestId: 'tip-triage-0001',
    });
    expect(triaged.statusCode).toBe(303);
    await browser.get(page);
    await browser.post(`${page}/actions`, { step: 'triage', credible: 'yes', requestId: 'tip-triage-0001' });
    await actOnTip(ctx.db, officer, {
      tipId: tip.id,
      step: 'answer',
      text: 'Terima kasih, sudah kami tindak lanjuti.',
    });
    await actOnTip(ctx.db, officer, { tipId: tip.id, step: 'hand_over', handedTo: 'timpora' });
    const closeRes = await api(officer, 'POST', `/api/v1/village-tips/${tip.id}/actions`, {
      step: 'close',
      outcome: 'handed_to_timpora',
    });
    expect(closeRes.statusCode).toBe(200);
    expect(closeRes.json().tip).toMatchObject({ status: 'closed', outcome: 'handed_to_timpora' });
    const types = (
      await ctx.db
        .select()
        .from(villageTipActions)
        .where(eq(villageTipActions.tipId, tip.id))
        .orderBy(villageTipActions.id)
    ).map((a) => a.type);
    expect(types).toEqual(['received', 'triage', 'answer', 'hand_over', 'close']);
    const [after] = await listTips(ctx.db, officerActor(officer), { unitCode: unit.code }, '2030-02-10');
    expect(after!.overdue).toEqual({ triage: false, close: false });

    // The sender reads the answer, not the outcome.
    const followed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/village-tips/follow',
      payload: { trackingCode: tip.trackingCode, secret },
    });
    expect(followed.json()).toMatchObject({
      status: 'closed',
      answers: [{ text: 'Terima kasih, sudah kami tindak lanjuti.' }],
    });
    expect(followed.body).not.toContain('timpora');

    // The head of office reads the tip but takes no step.
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const headPage = await (await as(head)).get(page);
    expect(headPage.statusCode).toBe(200);
    expect(headPage.body).not.toContain('Tampilkan pelapor');
    expect(headPage.body).not.toContain(`${page}/actions`);
    expect(await refused(() => actOnTip(ctx.db, head, { tipId: tip.id, step: 'note', text: 'x' }))).toBe('forbidden');
    const notes = await ctx.db.$count(
      villageTipActions,
      and(eq(villageTipActions.tipId, tip.id), eq(villageTipActions.type, 'note')),
    );
    expect(notes).toBe(0);
  });
});
