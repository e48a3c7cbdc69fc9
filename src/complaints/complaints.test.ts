import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { holidays } from '../holidays/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { apiAs } from '../queue/test-support.ts';
import { surveyTokens } from '../surveys/schema.ts';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { html, pdf, postMultipart } from '../../test/uploads.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { ESCALATE_JOB, escalateOverdue } from './escalate-overdue.ts';
import { listComplaints } from './list-complaints.ts';
import { formatDay } from '../platform/i18n/index.ts';
import { reopenComplaint } from './reopen-complaint.ts';
import { complaintActions, complaintAttachments, complaints } from './schema.ts';
import { act, makeComplaint } from './test-support.ts';

describeApp('complaints', (ctx) => {
  const api = () => apiAs(ctx.app, ctx.db);
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const stored = async (id: string) => (await ctx.db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
  const actionTypes = async (id: string) =>
    (
      await ctx.db
        .select()
        .from(complaintActions)
        .where(eq(complaintActions.complaintId, id))
        .orderBy(complaintActions.id)
    ).map((a) => a.type);
  const mailsTo = (email: string) =>
    ctx.db.$count(jobs, and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${email}`));
  const follow = (code: string, secret: string) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}?secret=${encodeURIComponent(secret)}` });
  const file = (body: Record<string, unknown>) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: body });
  const integrityOfficer = (name = 'Petugas Integritas') =>
    makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANWIL-NTT', name });
  const refused = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      return (err as AppError).code;
    }
    return null;
  };

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

  it('keeps whistle-blowing reports to the integrity officers, the auditors seeing counts and deadlines only, without the reporter, whoever looks', async () => {
    const unit = await makeUnit(ctx.db);
    const reporter = {
      reporterName: 'Anselmus Pelapor',
      reporterEmail: 'anselmus.pelapor@example.org',
      reporterPhone: '081399998888',
    };
    const { complaint } = await makeComplaint(ctx.db, ctx.config, {
      unitCode: unit.code,
      type: 'whistleblowing',
      category: 'illegal_charges',
      subjectName: 'Budi  Santoso',
      description: 'Diminta uang tambahan di loket.',
      ...reporter,
    });
    const page = `/officer/complaints/${complaint.id}`;
    const identity = Object.values(reporter);
    const sees = async (account: Account) => {
      const browser = await as(account);
      const res = await browser.get(page);
      for (const bit of identity) expect(res.body).not.toContain(bit);
      const list = await browser.get('/officer/complaints');
      const csv = await browser.get('/officer/complaints.csv');
      for (const bit of identity) expect(csv.body).not.toContain(bit);
      return {
        status: res.statusCode,
        body: res.body,
        listed: list.body.includes(complaint.trackingCode),
        exported: csv.body.includes(complaint.trackingCode),
      };
    };

    const integrity = await integrityOfficer();
    const seen = await sees(integrity);
    expect(seen).toMatchObject({ status: 200, listed: true, exported: true });
    expect(seen.body).toContain('Budi  Santoso');
    expect(seen.body).toContain('Diminta uang tambahan');

    // The Ombudsman: neither the report nor its attachments, but how many there are and when they are due.
    const ombudsman = await makeOfficer(ctx.db, { role: 'auditor', unitCode: 'KANWIL-NTT' });
    const auditor = await sees(ombudsman);
    expect(auditor).toMatchObject({ status: 404, listed: false, exported: false });
    const summary = (await (await as(ombudsman)).get('/officer/complaints')).body;
    expect(summary).toContain('Pengaduan whistle-blowing');
    expect(summary).toContain(formatDay('id', complaint.verifyDueOn));
    expect(summary).not.toContain('Diminta uang tambahan');

    const outsiders = [
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }),
      await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code }),
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANWIL-NTT' }),
      await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code }),
      // The officer reported, even holding the integrity role.
      await integrityOfficer('Budi Santoso'),
    ];
    for (const officer of outsiders)
      expect(await sees(officer)).toMatchObject({ status: 404, listed: false, exported: false });
    const listed = await api()(outsiders[0]!, 'GET', `/api/v1/complaints?unit=${unit.code}`);
    expect(listed.json()).toEqual({ complaints: [] });
    const audited = await api()(ombudsman, 'GET', `/api/v1/complaints?unit=${unit.code}`);
    expect(audited.json()).toEqual({ complaints: [] });

    // The integrity officer handles it, but may not hand it to the officer reported.
    await act(ctx.db, integrity, { complaintId: complaint.id, step: 'verify' });
    expect(
      await refused(() =>
        act(ctx.db, integrity, { complaintId: complaint.id, step: 'assign', assigneeId: outsiders[4]!.id }),
      ),
    ).toBe('validation_failed');
    expect(
      await refused(() =>
        act(ctx.db, integrity, { complaintId: complaint.id, step: 'assign', assigneeId: outsiders[0]!.id }),
      ),
    ).toBe('validation_failed');
    await act(ctx.db, integrity, { complaintId: complaint.id, step: 'assign', assigneeId: integrity.id });
    expect((await stored(complaint.id)).status).toBe('in_progress');
    expect(
      await refused(() => act(ctx.db, outsiders[0]!, { complaintId: complaint.id, step: 'note', text: 'x' })),
    ).toBe('not_found');
  });

  it('answers a wrong secret exactly as an unknown code', async () => {
    const unit = await makeUnit(ctx.db);
    const { complaint, secret } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code });
    const wrong = await follow(
      complaint.trackingCode,
      secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    );
    const unknown = await follow('PG0000000000', secret);
    expect(wrong.statusCode).toBe(404);
    expect([unknown.statusCode, unknown.body]).toEqual([wrong.statusCode, wrong.body]);
    const browser = new Browser(ctx.app);
    const page = await browser.post(
      '/pengaduan/lacak',
      { trackingCode: complaint.trackingCode, secret: 'AAAA-BBBB-CCCC-DDDD' },
      '/pengaduan/lacak',
    );
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('tidak cocok');
  });

  it('files from the page with a sniffed attachment, refuses a disguised file, and types in officer channels', async () => {
    const unit = await makeUnit(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const visitor = new Browser(ctx.app);
    expect((await visitor.get('/pengaduan')).body).toContain('Sampaikan pengaduan');
    const english = new Browser(ctx.app);
    await english.get('/lang/en?next=/pengaduan');
    expect((await english.get('/pengaduan')).body).toContain('Make a complaint');
    const fields = {
      type: 'complaint',
      category: 'illegal_charges',
      unitCode: unit.code,
      description: 'Diminta uang tambahan.',
      anonymous: '1',
      requestId: `page-${unit.code}`,
    };
    const bad = await postMultipart(ctx.app, visitor, '/pengaduan', '/pengaduan', fields, {
      filename: 'kuitansi.pdf',
      type: 'application/pdf',
      bytes: html,
    });
    expect(bad.statusCode).toBe(422);
    expect(await ctx.db.$count(complaints, eq(complaints.unitCode, unit.code))).toBe(0);
    const good = await postMultipart(ctx.app, visitor, '/pengaduan', '/pengaduan', fields, {
      filename: 'kuitansi.pdf',
      type: 'application/pdf',
      bytes: pdf,
    });
    expect(good.statusCode).toBe(200);
    const [complaint] = await ctx.db.select().from(complaints).where(eq(complaints.unitCode, unit.code));
    expect(complaint).toMatchObject({ anonymous: true, reporterName: null, channel: 'web' });
    expect(good.body).toContain(complaint!.trackingCode);
    expect(good.body).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    const [attachment] = await ctx.db
      .select()
      .from(complaintAttachments)
      .where(eq(complaintAttachments.complaintId, complaint!.id));
    expect(attachment).toMatchObject({ mediaType: 'application/pdf', size: pdf.length });
    const download = await (await as(head)).get(`/officer/complaints/${complaint!.id}/attachments/${attachment!.id}`);
    expect([download.statusCode, download.headers['content-type']]).toEqual([200, 'application/pdf']);

    const phone = {
      type: 'complaint',
      category: 'not_serving',
      unitCode: unit.code,
      description: 'Lewat telepon.',
      anonymous: true,
    };
    expect((await file({ ...phone, channel: 'phone' })).statusCode).toBe(401);
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    expect(
      (await api()(counter, 'POST', '/api/v1/complaints', { ...phone, channel: 'lapor' })).json().error.fields,
    ).toEqual({ laporReference: expect.any(String) });
    const lapor = await api()(counter, 'POST', '/api/v1/complaints', {
      ...phone,
      channel: 'lapor',
      laporReference: 'LAPOR-12345',
    });
    expect(lapor.statusCode).toBe(201);
    const [typed] = await ctx.db
      .select()
      .from(complaints)
      .where(eq(complaints.trackingCode, lapor.json().trackingCode));
    expect(typed).toMatchObject({ channel: 'lapor', laporReference: 'LAPOR-12345' });
  });
});
