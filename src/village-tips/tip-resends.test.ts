import { and, eq, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { seedReference } from '../seed.ts';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit } from '../../test/factories.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { listTips } from './list-tips.ts';
import { listWarnings } from './list-warnings.ts';
import { remindOverdueTips } from './remind-overdue-tips.ts';
import { TIP_REMINDER_JOB } from './schedule-tip-reminders.ts';
import { villageTipActions, villageTips, villageWarnings } from './schema.ts';
import { adoptVillage, makeTip, raise, tipHelpers } from './test-support.ts';

describeApp('village tips: reused request ids, reminders with no oversight officer, list order', (ctx) => {
  const { api, as } = tipHelpers(ctx);
  const mails = (email: string) =>
    ctx.db.$count(jobs, and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${email}`));
  const reminders = (tipId: string) =>
    ctx.db.$count(
      villageTipActions,
      and(eq(villageTipActions.tipId, tipId), eq(villageTipActions.type, 'overdue_reminded')),
    );
  const statusOf = async (tipId: string) =>
    (await ctx.db.select().from(villageTips).where(eq(villageTips.id, tipId)))[0]!.status;
  const oldTip = async (villageCode: string) =>
    (await makeTip(ctx.db, { villageCode }, undefined, new Date(Date.now() - 30 * 86_400_000))).tip;

  it('hands a resent tip back only to the same sender by the same way, never an officer-typed tip to the web', async () => {
    const unit = await makeUnit(ctx.db);
    const villageCode = await adoptVillage(ctx.db, unit.code);
    const officer = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const body = {
      requestId: `typed-${unit.code}`,
      kind: 'recruiter',
      villageCode,
      description: 'Warga melapor calo di pasar.',
      reporterName: 'Ibu Warga',
      reporterPhone: '081200001111',
    };
    const typed = await api(officer, 'POST', '/api/v1/village-tips', { ...body, channel: 'village_officer' });
    expect(typed.statusCode, typed.body).toBe(201);
    const again = await api(officer, 'POST', '/api/v1/village-tips', { ...body, channel: 'village_officer' });
    expect(again.json()).toEqual(typed.json());
    // The same words from the web, or under another name, are not the officer's resend: no code, no secret.
    const web = await ctx.app.inject({ method: 'POST', url: '/api/v1/village-tips', payload: body });
    expect(web.statusCode).toBe(409);
    expect(web.body).not.toContain(typed.json().trackingCode);
    const renamed = await api(officer, 'POST', '/api/v1/village-tips', {
      ...body,
      channel: 'village_officer',
      reporterName: 'Orang Lain',
    });
    expect(renamed.statusCode).toBe(409);
  });

  it('refuses a request id reused for another step on a tip (API and page), and answers the same step again', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const { tip } = await makeTip(ctx.db, { villageCode: village });
    const url = `/api/v1/village-tips/${tip.id}/actions`;
    const note = { step: 'note', text: 'Dicek ke desa.', requestId: 'reuse-tip-000001' };
    expect((await api(officer, 'POST', url, note)).statusCode).toBe(200);
    expect((await api(officer, 'POST', url, note)).statusCode).toBe(200);
    const other = await api(officer, 'POST', url, { ...note, text: 'Catatan lain.' });
    expect(other.statusCode).toBe(409);
    const close = { step: 'close', outcome: 'answered', requestId: 'reuse-tip-000001' };
    const closed = await api(officer, 'POST', url, close);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('conflict');
    expect(await statusOf(tip.id)).toBe('received');

    const browser = await as(officer);
    const page = await browser.post(`/officer/desa-binaan/tips/${tip.id}/actions`, close);
    expect(page.statusCode).toBe(409);
    expect(await statusOf(tip.id)).toBe('received');
    const notes = and(eq(villageTipActions.tipId, tip.id), eq(villageTipActions.type, 'note'));
    expect(await ctx.db.$count(villageTipActions, notes)).toBe(1);
  });

  it('refuses a request id reused for another step on a warning (API and page)', async () => {
    const unit = await makeUnit(ctx.db);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const warning = await raise(ctx.db, officer, { kind: 'recruiter', recruiterName: 'Om Reuse', summary: 'x' });
    const url = `/api/v1/village-warnings/${warning.id}/actions`;
    const note = { step: 'note', text: 'Dipantau.', requestId: 'reuse-warn-00001' };
    expect((await api(officer, 'POST', url, note)).statusCode).toBe(200);
    expect((await api(officer, 'POST', url, note)).statusCode).toBe(200);
    const closed = await api(officer, 'POST', url, { step: 'close', requestId: 'reuse-warn-00001' });
    expect(closed.statusCode).toBe(409);
    const browser = await as(officer);
    const page = await browser.post(`/officer/desa-binaan/warnings/${warning.id}/actions`, {
      step: 'close',
      requestId: 'reuse-warn-00001',
    });
    expect(page.statusCode).toBe(409);
    const [row] = await ctx.db.select().from(villageWarnings).where(eq(villageWarnings.id, warning.id));
    expect(row!.status).toBe('open');
  });

  it('mails the head of office when no oversight officer is active, and records nothing when nobody is', async () => {
    const withHead = await makeUnit(ctx.db);
    const headTip = await oldTip(await adoptVillage(ctx.db, withHead.code));
    const disabled = await makeOfficer(ctx.db, {
      role: 'oversight_officer',
      unitCode: withHead.code,
      disabledAt: new Date(),
    });
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: withHead.code });
    const nobody = await makeUnit(ctx.db);
    const lostTip = await oldTip(await adoptVillage(ctx.db, nobody.code));

    await ctx.db.transaction((tx) => remindOverdueTips(tx));
    expect(await mails(head.email)).toBe(1);
    expect(await mails(disabled.email)).toBe(0);
    expect(await reminders(headTip.id)).toBe(2);
    expect(await reminders(lostTip.id)).toBe(0);

    // Once the office has someone, a later run reminds them.
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: nobody.code });
    await ctx.db.transaction((tx) => remindOverdueTips(tx));
    expect(await mails(officer.email)).toBe(1);
    expect(await reminders(lostTip.id)).toBe(2);
    expect(await mails(head.email)).toBe(1);
  });

  it('breaks ties in the lists by id, so a limit always cuts the same rows', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const now = new Date();
    const tipIds: string[] = [];
    const warningIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      tipIds.push((await makeTip(ctx.db, { villageCode: village }, undefined, now)).tip.id);
      warningIds.push((await raise(ctx.db, officer, { kind: 'village', areaCode: village, summary: `w${i}` }, now)).id);
    }
    const actor = officerActor(officer);
    const today = witaDate(now);
    const tips = await listTips(ctx.db, actor, {}, today, 3);
    expect(tips.map((t) => t.id)).toEqual([...tipIds].sort().slice(0, 3));
    const warnings = await listWarnings(ctx.db, actor, {}, today, 3);
    expect(warnings.map((w) => w.id)).toEqual([...warningIds].sort().slice(0, 3));
  });
});

describeApp(
  'village tips: the reminder scan is started at boot',
  (ctx) => {
    it('queues one reminder scan for 06.00 WITA tomorrow when reference data is seeded, however often', async () => {
      const waiting = and(eq(jobs.kind, TIP_REMINDER_JOB), isNull(jobs.doneAt));
      await ctx.db.delete(jobs).where(waiting);
      const now = new Date();
      await seedReference(ctx.db, now);
      await seedReference(ctx.db, now);
      const queued = await ctx.db.select().from(jobs).where(waiting);
      expect(queued.map((j) => j.runAt)).toEqual([witaInstant(addDays(witaDate(now), 1), '06:00')]);
    }, 120_000);
  },
  {},
  { ownDatabase: true },
);
