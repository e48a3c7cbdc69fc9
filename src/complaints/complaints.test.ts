import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { holidays } from '../holidays/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { surveyTokens } from '../surveys/schema.ts';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { ESCALATE_JOB, escalateOverdue } from './escalate-overdue.ts';
import { listComplaints } from './list-complaints.ts';
import { reopenComplaint } from './reopen-complaint.ts';
import { complaints } from './schema.ts';
import { act, complaintHelpers, makeComplaint } from './test-support.ts';

describeApp('complaints: workflow and deadlines', (ctx) => {
  const { as, stored, actionTypes, mailsTo, follow, file, integrityOfficer, refused } = complaintHelpers(ctx);

  it('runs a complaint from the public API through verification, assignment, answer and closing, then rates and reopens it', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Petugas Loket' });
    const email = `pelapor-${unit.code.toLowerCase()}@example.org`;
    const body = {
      requestId: `req-${unit.code}`,
      type: 'complaint',
      category: 'undue_delay',
      unitCode: unit.code,
      description: 'Paspor belum jadi.',
      reporterName: 'Yosefina Lake',
      reporterEmail: email,
    };

    const created = await file(body);
    expect(created.statusCode).toBe(201);
    const { trackingCode, secret } = created.json<{ trackingCode: string; secret: string }>();
    expect(trackingCode).toMatch(/^PG[0-9A-Z]{10}$/);
    expect(secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    // A resend after a dropped connection finds the same complaint and gets the same secret.
    expect((await file(body)).json()).toEqual({ trackingCode, secret });
    // The request id alone opens nothing: a different complaint under it is refused.
    expect((await file({ ...body, description: 'Lain.' })).statusCode).toBe(409);
    const [complaint] = await ctx.db.select().from(complaints).where(eq(complaints.requestId, body.requestId));
    expect(complaint).toMatchObject({ status: 'received', channel: 'web', reporterName: 'Yosefina Lake' });
    expect(complaint!.secretHash).not.toContain(secret);
    expect(await ctx.db.$count(complaints, eq(complaints.requestId, body.requestId))).toBe(1);
    expect((await follow(trackingCode.toLowerCase(), secret.replace(/-/g, ' '))).json()).toMatchObject({
      trackingCode,
      status: 'received',
      unitCode: unit.code,
      replies: [],
    });

    const headPage = await as(head);
    const page = `/officer/complaints/${complaint!.id}`;
    expect((await headPage.get('/officer/complaints')).body).toContain(trackingCode);
    expect((await headPage.post(`${page}/actions`, { step: 'verify' }, page)).statusCode).toBe(303);
    expect((await stored(complaint!.id)).answerDueOn).not.toBeNull();
    expect((await headPage.post(`${page}/actions`, { step: 'assign', assigneeId: counter.id }, page)).statusCode).toBe(
      303,
    );
    expect(await stored(complaint!.id)).toMatchObject({ status: 'in_progress', assignedTo: counter.id });
    expect(
      (await headPage.post(`${page}/actions`, { step: 'note', text: 'Berkas tertahan di adjudikasi' }, page))
        .statusCode,
    ).toBe(303);
    expect(
      (
        await headPage.post(
          `${page}/actions`,
          { step: 'answer', text: 'Paspor Anda sudah dicetak dan dapat diambil.' },
          page,
        )
      ).statusCode,
    ).toBe(303);
    expect((await headPage.post(`${page}/actions`, { step: 'close' }, page)).statusCode).toBe(303);
    const closed = await stored(complaint!.id);
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.closedAt).not.toBeNull();
    expect(
      await ctx.db.$count(
        surveyTokens,
        and(eq(surveyTokens.refId, complaint!.id), eq(surveyTokens.service, 'complaint')),
      ),
    ).toBe(1);
    expect(await mailsTo(email)).toBe(1);

    // The complainant sees the public reply, not the internal note.
    const followed = (await follow(trackingCode, secret)).json<{ status: string; replies: { text: string }[] }>();
    expect(followed.status).toBe('closed');
    expect(followed.replies.map((r) => r.text)).toEqual(['Paspor Anda sudah dicetak dan dapat diambil.']);

    const holder = new Browser(ctx.app);
    const status = await holder.post('/pengaduan/lacak', { trackingCode, secret }, '/pengaduan/lacak');
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('Paspor Anda sudah dicetak');
    expect(status.body).not.toContain('Berkas tertahan');
    expect(status.body).toContain('/pengaduan/lacak/kepuasan');
    expect(status.body).toContain('/pengaduan/lacak/buka-kembali');
    expect(
      (await holder.post('/pengaduan/lacak/kepuasan', { trackingCode, secret, satisfaction: '3' })).statusCode,
    ).toBe(200);
    expect((await stored(complaint!.id)).satisfaction).toBe(3);
    const again = await holder.post('/pengaduan/lacak/kepuasan', { trackingCode, secret, satisfaction: '1' });
    expect(again.statusCode).toBe(409);
    expect((await stored(complaint!.id)).satisfaction).toBe(3);

    const reopened = await holder.post('/pengaduan/lacak/buka-kembali', {
      trackingCode,
      secret,
      reason: 'Paspor belum bisa diambil.',
    });
    expect(reopened.statusCode).toBe(200);
    expect(await stored(complaint!.id)).toMatchObject({ status: 'in_progress', closedAt: null });
    expect(await actionTypes(complaint!.id)).toEqual([
      'received',
      'verify',
      'assign',
      'note',
      'answer',
      'close',
      'rated',
      'reopen',
    ]);
  });

  it('forwards and archives, and refuses invalid transitions with nothing changed', async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const { complaint: a } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code });
    await act(ctx.db, verifier, { complaintId: a.id, step: 'forward', forwardedTo: 'Dinas Kependudukan Kota Kupang' });
    expect((await stored(a.id)).status).toBe('forwarded');
    const { complaint: b, secret } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code });
    expect(await refused(() => act(ctx.db, verifier, { complaintId: b.id, step: 'archive' }))).toBe(
      'validation_failed',
    );
    await act(ctx.db, verifier, { complaintId: b.id, step: 'archive', text: 'Laporan ganda' });
    expect((await follow(b.trackingCode, secret)).json()).toMatchObject({
      status: 'archived',
      replies: [{ text: 'Laporan ganda' }],
    });

    const { complaint: c } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code });
    const before = { row: await stored(c.id), actions: await actionTypes(c.id) };
    for (const step of ['answer', 'close', 'assign'] as const) {
      expect(
        await refused(() => act(ctx.db, verifier, { complaintId: c.id, step, text: 'x', assigneeId: verifier.id })),
      ).toBe('invalid_transition');
    }
    expect(await refused(() => act(ctx.db, verifier, { complaintId: a.id, step: 'verify' }))).toBe(
      'invalid_transition',
    );
    const page = await as(verifier);
    const res = await page.post(
      `/officer/complaints/${c.id}/actions`,
      { step: 'close' },
      `/officer/complaints/${c.id}`,
    );
    expect(res.statusCode).toBe(409);
    expect(await stored(c.id)).toEqual(before.row);
    expect(await actionTypes(c.id)).toEqual(before.actions);
  });

  it('records an officer step once when its form is sent again with the same request id', async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const { complaint } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code });
    const browser = await as(verifier);
    const page = `/officer/complaints/${complaint.id}`;
    const requestId = /name="requestId" value="([^"]+)"/.exec((await browser.get(page)).body)![1]!;
    for (let i = 0; i < 2; i++)
      expect((await browser.post(`${page}/actions`, { step: 'verify', requestId }, page)).statusCode).toBe(303);
    expect((await stored(complaint.id)).status).toBe('verified');
    expect(await actionTypes(complaint.id)).toEqual(['received', 'verify']);
  });

  it('records another step sent from the same page as a request of its own', async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const { complaint } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code });
    const browser = await as(verifier);
    const page = `/officer/complaints/${complaint.id}`;
    const ids = [...(await browser.get(page)).body.matchAll(/name="requestId" value="([^"]+)"/g)].map((m) => m[1]!);
    const idOf = (step: string) => ids.find((id) => id.endsWith(`_${step}`))!;
    expect(new Set(ids).size).toBe(ids.length);
    const verify = await browser.post(`${page}/actions`, { step: 'verify', requestId: idOf('verify') }, page);
    expect(verify.statusCode).toBe(303);
    const note = { step: 'note', text: 'Dicatat.', requestId: idOf('note') };
    expect((await browser.post(`${page}/actions`, note, page)).statusCode).toBe(303);
    expect(await actionTypes(complaint.id)).toEqual(['received', 'verify', 'note']);
  });

  it('lets the complainant reopen within 14 days of the answer, not after', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const { complaint, secret } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code });
    for (const step of ['verify', 'assign', 'answer'] as const)
      await act(ctx.db, head, { complaintId: complaint.id, step, text: 'Sudah kami tangani.', assigneeId: head.id });
    const reopen = (days: number) =>
      ctx.db.transaction((tx) =>
        reopenComplaint(
          tx,
          systemCaller('test'),
          { trackingCode: complaint.trackingCode, secret, reason: 'Belum selesai' },
          new Date(Date.now() + days * 86_400_000),
        ),
      );
    expect(await refused(() => reopen(15))).toBe('invalid_transition');
    expect((await stored(complaint.id)).status).toBe('answered');
    await reopen(13);
    expect((await stored(complaint.id)).status).toBe('in_progress');
    expect(await refused(() => reopen(0))).toBe('invalid_transition');
  });

  it('counts the verification deadline in working days across a weekend and a holiday, and flags it overdue', async () => {
    const unit = await makeUnit(ctx.db);
    await ctx.db
      .insert(holidays)
      .values({ date: '2030-01-07', name: 'Penutupan kantor uji', kind: 'office_closure', unitCode: unit.code });
    // Thursday 3 January 2030: Friday is the 1st working day, the weekend and Monday's closure are skipped.
    const { complaint } = await makeComplaint(
      ctx.db,
      ctx.config,
      { unitCode: unit.code },
      witaInstant('2030-01-03', '10:00'),
    );
    expect(complaint.verifyDueOn).toBe('2030-01-09');
    const auditor = await makeOfficer(ctx.db, { role: 'auditor', unitCode: 'KANWIL-NTT' });
    const flags = async (today: string) =>
      (await listComplaints(ctx.db, officerActor(auditor), { unitCode: unit.code }, today))[0]!.overdue;
    expect(await flags('2030-01-09')).toEqual({ verification: false, answer: false });
    expect(await flags('2030-01-10')).toEqual({ verification: true, answer: false });
  });

  it('escalates an overdue complaint once to the head of office, and whistle-blowing to the integrity officers', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const integrity = await integrityOfficer();
    const longAgo = new Date(Date.now() - 20 * 86_400_000);
    const { complaint } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code }, longAgo);
    const { complaint: report } = await makeComplaint(
      ctx.db,
      ctx.config,
      { unitCode: unit.code, type: 'whistleblowing', category: 'illegal_charges', subjectName: 'Petugas Lain' },
      longAgo,
    );
    const officer = await as(head);
    const list = await officer.get('/officer/complaints');
    expect(list.body).toContain(complaint.trackingCode);
    expect(list.body).toContain('Terlambat');

    await ctx.db.transaction((tx) => enqueueJob(tx, ESCALATE_JOB, {}));
    await ctx.app.deps.jobs.runDue();
    expect(await mailsTo(head.email)).toBe(1);
    expect(await mailsTo(integrity.email)).toBeGreaterThanOrEqual(1);
    expect((await stored(complaint.id)).escalatedAt).not.toBeNull();
    expect((await stored(report.id)).escalatedAt).not.toBeNull();
    // The scan queued itself for tomorrow morning.
    const next = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, ESCALATE_JOB), sql`${jobs.doneAt} is null`));
    expect(next).toHaveLength(1);
    expect(witaDate(next[0]!.runAt)).toBe(addDays(witaDate(), 1));
    const mailsBefore = await mailsTo(integrity.email);
    await ctx.db.transaction((tx) => escalateOverdue(tx, addDays(witaDate(), 1)));
    expect(await mailsTo(head.email)).toBe(1);
    expect(await mailsTo(integrity.email)).toBe(mailsBefore);
    expect(await actionTypes(complaint.id)).toEqual(['received', 'escalated']);
  });
});
