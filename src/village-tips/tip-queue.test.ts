import { and, eq, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { remindOverdueTips } from './remind-overdue-tips.ts';
import { TIP_REMINDER_JOB } from './schedule-tip-reminders.ts';
import { villageTipActions, villageTips } from './schema.ts';
import { adoptVillage, callerAs, makePimpasa, makeTip, refused, tipHelpers } from './test-support.ts';

describeApp('village tips: taking, reminders, the form and the limits', (ctx) => {
  const { api, as } = tipHelpers(ctx);
  const mails = (email: string) =>
    ctx.db
      .select({ subject: sql<string>`${jobs.payload}->>'subject'`, text: sql<string>`${jobs.payload}->>'text'` })
      .from(jobs)
      .where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${email}`));
  const reminders = (tipId: string) =>
    ctx.db.$count(
      villageTipActions,
      and(eq(villageTipActions.tipId, tipId), eq(villageTipActions.type, 'overdue_reminded')),
    );

  it('lets an oversight officer take a tip, shown as theirs in the queue; the head of office may not', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const { tip } = await makeTip(ctx.db, { villageCode: village });
    const officer = await makeOfficer(ctx.db, {
      role: 'oversight_officer',
      unitCode: unit.code,
      name: 'Intel Penanggung',
    });
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const browser = await as(officer);
    expect((await browser.get(`/officer/desa-binaan/tips/${tip.id}`)).body).toContain('Tangani laporan ini');
    const taken = await browser.post(`/officer/desa-binaan/tips/${tip.id}/actions`, {
      step: 'take',
      requestId: 'take-tip-000001',
    });
    expect(taken.statusCode).toBe(303);
    const [row] = await ctx.db.select().from(villageTips).where(eq(villageTips.id, tip.id));
    expect(row!.assignedTo).toBe(officer.id);
    expect((await browser.get('/officer/desa-binaan/tips')).body).toContain('Intel Penanggung');
    expect((await browser.get(`/officer/desa-binaan/tips/${tip.id}`)).body).not.toContain('Tangani laporan ini');
    const listed = (await api(head, 'GET', '/api/v1/village-tips')).json().tips;
    expect(listed.find((t: { id: string }) => t.id === tip.id).assigneeName).toBe('Intel Penanggung');
    const byHead = await api(head, 'POST', `/api/v1/village-tips/${tip.id}/actions`, { step: 'take' });
    expect(byHead.statusCode).toBe(403);
  });

  it('mails the office oversight officers overdue tips once per deadline, codes only, and reschedules itself', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const { tip } = await makeTip(
      ctx.db,
      { villageCode: village, description: 'Deskripsi rahasia laporan' },
      undefined,
      new Date(Date.now() - 30 * 86_400_000),
    );
    const fresh = (await makeTip(ctx.db, { villageCode: village })).tip;

    await ctx.db.transaction((tx) => enqueueJob(tx, TIP_REMINDER_JOB, {}));
    await ctx.app.deps.jobs.runDue();
    const sent = await mails(officer.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(tip.trackingCode);
    expect(sent[0]!.text).not.toContain(fresh.trackingCode);
    for (const secret of ['Deskripsi rahasia', 'Maria Pelapor Rahasia', '081377665544', 'Om Calo'])
      expect(JSON.stringify(sent)).not.toContain(secret);
    expect(await mails(head.email)).toHaveLength(0);
    // Past its triage day and its closing day: one reminder for each, never again.
    expect(await reminders(tip.id)).toBe(2);
    await ctx.db.transaction((tx) => remindOverdueTips(tx, addDays(witaDate(), 1)));
    expect(await mails(officer.email)).toHaveLength(1);
    expect(await reminders(tip.id)).toBe(2);
    const next = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, TIP_REMINDER_JOB), isNull(jobs.doneAt)));
    expect(next).toHaveLength(1);
    expect(witaDate(next[0]!.runAt)).toBe(addDays(witaDate(), 1));
  });

  it('refuses a regency or kecamatan chosen without its village, keeping what was typed', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const browser = new Browser(ctx.app);
    await browser.get('/desa-binaan/lapor');
    const res = await browser.post('/desa-binaan/lapor', {
      requestId: 'tip-area-000001',
      kind: 'recruiter',
      village_province: village.slice(0, 2),
      village_regency: village.slice(0, 5),
      village_district: village.slice(0, 8),
      description: 'Calo datang ke kecamatan kami.',
      anonymous: '1',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Pilih desa/kelurahannya');
    expect(res.body).toContain('Calo datang ke kecamatan kami.');
    expect(await ctx.db.$count(villageTips, eq(villageTips.requestId, 'tip-area-000001'))).toBe(0);
  });

  it('limits the email, and lets a PIMPASA of any role but partner or auditor type in a tip', async () => {
    const long = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/village-tips',
      payload: { kind: 'question', description: 'x', reporterName: 'A', reporterEmail: `${'a'.repeat(250)}@ex.org` },
    });
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields).toHaveProperty('reporterEmail');

    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const input = { villageCode: village, channel: 'village_officer' as const };
    const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: unit.code });
    expect(await refused(() => makeTip(ctx.db, input, callerAs(admin)))).toBe('forbidden');
    await makePimpasa(ctx.db, admin, village);
    expect((await makeTip(ctx.db, input, callerAs(admin))).tip.channel).toBe('village_officer');
    for (const role of ['partner', 'auditor'] as const) {
      const officer = await makeOfficer(ctx.db, { role, unitCode: unit.code });
      await makePimpasa(ctx.db, officer, village);
      expect(await refused(() => makeTip(ctx.db, input, callerAs(officer)))).toBe('forbidden');
    }
  });
});
