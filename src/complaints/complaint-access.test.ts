import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Account } from '../platform/auth/schema.ts';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { html, pdf, postMultipart } from '../../test/uploads.ts';
import { formatDay } from '../platform/i18n/index.ts';
import { complaintAttachments, complaints } from './schema.ts';
import { act, complaintHelpers, makeComplaint } from './test-support.ts';

describeApp('complaints: filing, following and who sees whistle-blowing', (ctx) => {
  const { api, as, stored, follow, file, integrityOfficer, refused } = complaintHelpers(ctx);

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
