import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { jpeg, multipart } from '../../test/uploads.ts';
import { auditFor } from '../accounts/test-support.ts';
import { applications } from '../applications/schema.ts';
import { bookStock } from '../passports/schema.ts';
import { passports } from '../passports/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { formatCalendarDate, translator } from '../platform/i18n/index.ts';
import { makeBanEntry } from '../watchlist/test-support.ts';
import { makeCase } from './test-support.ts';

const tId = translator('id');
const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

describeApp('officer case page', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const statusOf = async (id: string) =>
    (await ctx.db.select({ status: applications.status }).from(applications).where(eq(applications.id, id)))[0]!.status;
  const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

  it('takes a case from arrival to the decision through its forms, showing the history and auditing every view', async () => {
    const unit = await makeUnit(ctx.db);
    const verifierAccount = await makeOfficer(ctx.db, {
      role: 'verifier',
      unitCode: unit.code,
      name: 'Verifikator Uji',
    });
    const verifier = await as(verifierAccount);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in', fullName: 'Agustinus Tefa' });
    const page = `/officer/cases/${c.id}`;
    const actions = `${page}/actions`;

    const first = await verifier.get(page);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Agustinus Tefa');
    expect(first.body).toContain(c.nik!);
    expect(first.body).toContain(tId('cases.statuses.checked_in'));
    expect(first.body).toContain(tId('cases.take'));
    expect(first.body).not.toContain('name="doc_ektp"');
    expect(await auditFor(ctx.db, c.id, 'case.view')).toHaveLength(1);

    expect((await verifier.post(actions, { type: 'take' })).statusCode).toBe(303);
    const held = await verifier.get(page);
    expect(held.body).toContain(tId('cases.heldByYou'));
    // What comes next and who does it, from the workflow's table.
    expect(held.body).toContain('Pemeriksaan dokumen asli, oleh Petugas loket, Verifikator, atau Kepala kantor');
    expect(held.body).toContain('name="doc_ektp"');

    const noReason = await verifier.post(actions, {
      type: 'document_check',
      doc_ektp: 'accepted',
      doc_kk: 'refused',
      doc_akta_kelahiran: 'accepted',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('error-summary');
    expect(await statusOf(c.id)).toBe('checked_in');

    const docs = {
      type: 'document_check',
      doc_ektp: 'accepted',
      doc_kk: 'accepted',
      doc_akta_kelahiran: 'accepted',
      doc_ijazah: 'absent',
      reason_kk: '',
    };
    expect((await verifier.post(actions, docs)).statusCode).toBe(303);
    expect(await statusOf(c.id)).toBe('documents_verified');

    const early = await verifier.post(actions, { type: 'confirm_payment' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain(tId('errors.invalid_transition'));

    expect((await verifier.post(actions, { type: 'watchlist_check' })).statusCode).toBe(303);
    expect((await verifier.post(actions, { type: 'confirm_payment' })).statusCode).toBe(303);
    expect(await statusOf(c.id)).toBe('payment_confirmed');

    const form = await verifier.get(page);
    expect(form.body).toContain('enctype="multipart/form-data"');
    const upload = multipart(
      { _csrf: csrfIn(form.body), type: 'capture_biometrics', device: 'Suprema', quality: '75', fingers: '10' },
      { field: 'photo', filename: 'foto.jpg', type: 'image/jpeg', bytes: jpeg },
    );
    const sent = await ctx.app.inject({
      method: 'POST',
      url: actions,
      payload: upload.payload,
      headers: { ...upload.headers, cookie: verifier.cookieHeader },
    });
    expect(sent.statusCode, sent.body).toBe(303);
    expect(await statusOf(c.id)).toBe('biometrics_captured');

    expect((await verifier.get(page)).body).not.toContain(tId('cases.answers.title'));
    const interview = {
      type: 'interview',
      purpose: 'Wisata',
      destination: 'Singapura',
      sponsor: 'Keluarga di Jurong',
      answersConsistent: 'yes',
      indicators: ['recruiter_present'],
      outcome: 'pass',
      reason: '',
    };
    expect((await verifier.post(actions, interview)).statusCode).toBe(303);
    expect((await verifier.post(actions, { type: 'release' })).statusCode).toBe(303);

    const adjudicator = await as(await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: unit.code }));
    const waiting = await adjudicator.get(page);
    expect(waiting.body).toContain('Keputusan, oleh Adjudikator atau Kepala kantor');
    expect((await adjudicator.post(actions, { type: 'take' }, page)).statusCode).toBe(303);
    const decide = await adjudicator.get(page);
    expect(decide.body).toContain('name="decision"');
    // The decider reads the interview's answers as recorded, with who asked them.
    const answers = decide.body.slice(
      decide.body.indexOf('id="interview-answers-title"'),
      decide.body.indexOf('name="decision"'),
    );
    for (const text of [
      tId('cases.answers.title'),
      'Wisata',
      'Singapura',
      'Keluarga di Jurong',
      tId('cases.indicators.recruiter_present'),
      tId('cases.answers.yes'),
      tId('cases.interview.pass'),
    ]) {
      expect(answers).toContain(text);
    }
    expect(answers).toContain('Dicatat oleh Verifikator Uji');
    expect((await adjudicator.post(actions, { type: 'adjudicate', decision: 'approve', reason: '' })).statusCode).toBe(
      303,
    );
    expect(await statusOf(c.id)).toBe('approved');

    const done = await adjudicator.get(page);
    expect(done.body).toContain('Verifikator Uji');
    expect(done.body).toContain('Cetak paspor, oleh Petugas loket, Verifikator, atau Kepala kantor');
    for (const step of [
      'document_check',
      'watchlist_check',
      'confirm_payment',
      'capture_biometrics',
      'interview',
      'adjudicate',
    ])
      expect(done.body).toContain(tId(`cases.actions.${step}`));
    expect((await auditFor(ctx.db, c.id, 'case.view')).length).toBeGreaterThanOrEqual(8);
  });

  it('prints a rejection receipt that names the prevention list but never its reason', async () => {
    const unit = await makeUnit(ctx.db);
    const counterAccount = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const counter = await as(counterAccount);
    const c = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'documents_verified',
      holderId: counterAccount.id,
      fullName: 'Petrus Nahak',
    });
    await makeBanEntry(ctx.db, {
      nik: c.nik!,
      fullName: 'Petrus Nahak',
      reason: 'Rahasia penyidikan',
      reference: 'SK-9',
    });
    expect((await counter.get(`/officer/cases/${c.id}/rejection-receipt`)).statusCode).toBe(404);
    expect(
      (await counter.post(`/officer/cases/${c.id}/actions`, { type: 'watchlist_check' }, `/officer/cases/${c.id}`))
        .statusCode,
    ).toBe(303);
    const page = await counter.get(`/officer/cases/${c.id}`);
    expect(page.body).toContain(`/officer/cases/${c.id}/rejection-receipt`);
    expect(page.body).not.toContain('Rahasia');
    const receipt = await counter.get(`/officer/cases/${c.id}/rejection-receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain(c.trackingCode);
    expect(receipt.body).toContain('Petrus Nahak');
    expect(receipt.body).toContain('Tercantum dalam daftar pencegahan');
    expect(receipt.body).not.toContain('Rahasia');
  });

  it('offers the print, quality check and hand-over forms when the case reaches them', async () => {
    const unit = await makeUnit(ctx.db);
    const account = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const counter = await as(account);
    const formOf = async (status: string) =>
      (
        await counter.get(
          `/officer/cases/${(await makeCase(ctx.db, { unitCode: unit.code, status, holderId: account.id })).id}`,
        )
      ).body;
    expect(await formOf('approved')).toContain('name="type" value="print"');
    const quality = await formOf('printed');
    expect(quality).toContain('name="type" value="quality_check"');
    expect(quality).toContain('name="passed"');
    const handOver = await formOf('ready');
    expect(handOver).toContain('name="type" value="hand_over"');
    for (const field of ['identityChecked', 'recipient', 'proxyName', 'proxyNik', 'proxyPowerOfAttorney'])
      expect(handOver).toContain(`name="${field}"`);
    // Someone else's case shows who holds it and no step form.
    const other = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Petugas Lain' });
    const theirs = await counter.get(
      `/officer/cases/${(await makeCase(ctx.db, { unitCode: unit.code, status: 'approved', holderId: other.id })).id}`,
    );
    expect(theirs.body).toContain(tId('cases.heldBy', { name: 'Petugas Lain' }));
    expect(theirs.body).not.toContain('value="print"');
  });

  it('shows after printing the passport number, its expiry date and both MRZ lines', async () => {
    const unit = await makeUnit(ctx.db);
    await ctx.db.insert(bookStock).values({ unitCode: unit.code, passportType: 'elektronik', quantity: 2 });
    const account = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const counter = await as(account);
    const c = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'approved',
      holderId: account.id,
      fullName: 'Maria Goreti Bria',
      sex: 'F',
    });
    const page = `/officer/cases/${c.id}`;
    expect((await counter.get(page)).body).not.toContain(tId('passports.printed.title'));

    expect((await counter.post(`${page}/actions`, { type: 'print' }, page)).statusCode).toBe(303);
    const [p] = await ctx.db.select().from(passports).where(eq(passports.applicationId, c.id));
    const printed = (await counter.get(page)).body;
    expect(printed).toContain(tId('passports.printed.title'));
    expect(printed).toContain(`<strong>${p!.number}</strong>`);
    expect(printed).toContain(formatCalendarDate('id', p!.expiryDate));
    expect(printed).toContain(`<code>${escaped(p!.mrz1)}\n${escaped(p!.mrz2)}</code>`);
    expect(printed).toContain('Pemeriksaan mutu, oleh Petugas loket, Verifikator, atau Kepala kantor');
    const english = (await counter.get(page, { cookie: `${counter.cookieHeader}; lang=en` })).body;
    expect(english).toContain(formatCalendarDate('en', p!.expiryDate));
    expect(english).toContain('Passport printed');
  });

  it('keeps what the officer typed when a step is refused, and remembers the fingerprint scanner for the next capture', async () => {
    const unit = await makeUnit(ctx.db);
    const account = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const verifier = await as(account);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'payment_confirmed', holderId: account.id });
    const page = `/officer/cases/${c.id}`;
    const form = await verifier.get(page);
    expect(form.body).toMatch(/<input id="f-device" name="device" type="text"(?! value)/);
    const capture = (quality: string) => {
      const upload = multipart(
        { _csrf: csrfIn(form.body), type: 'capture_biometrics', device: 'Futronic FS80H', quality, fingers: '10' },
        { field: 'photo', filename: 'foto.jpg', type: 'image/jpeg', bytes: jpeg },
      );
      return ctx.app.inject({
        method: 'POST',
        url: `${page}/actions`,
        payload: upload.payload,
        headers: { ...upload.headers, cookie: verifier.cookieHeader },
      });
    };

    // Refused by the step (prints too poor), not by the form's schema: the form comes back as it was filled in.
    const poor = await capture('31');
    expect(poor.statusCode).toBe(422);
    expect(poor.body).toContain(tId('cases.v.fingerprintQuality'));
    expect(poor.body).toContain('value="Futronic FS80H"');
    expect(poor.body).toContain('value="31"');
    expect(await statusOf(c.id)).toBe('payment_confirmed');

    const sent = await capture('88');
    expect(sent.statusCode, sent.body).toBe(303);
    const cookie = [sent.headers['set-cookie']].flat().find((h) => h?.startsWith('fp_device='));
    expect(cookie).toMatch(/^fp_device=Futronic%20FS80H;.*Path=\/officer\/cases/);
    verifier.setCookie(cookie!);
    const next = await makeCase(ctx.db, { unitCode: unit.code, status: 'payment_confirmed', holderId: account.id });
    expect((await verifier.get(`/officer/cases/${next.id}`)).body).toMatch(
      /<input id="f-device" name="device" type="text" value="Futronic FS80H"/,
    );

    // The interview of someone going to work abroad without a work recommendation: refused, answers kept.
    const worker = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'biometrics_captured',
      holderId: account.id,
      purpose: 'work',
      pmiRecommendationNumber: null,
    });
    const answers = {
      type: 'interview',
      purpose: 'Bekerja',
      destination: 'Malaysia',
      sponsor: 'PT Sawit Sejahtera',
      workRecommendation: '',
      answersConsistent: 'yes',
      indicators: ['recruiter_present', 'no_return_ticket'],
      outcome: 'pass',
      reason: '',
    };
    const refused = await verifier.post(`/officer/cases/${worker.id}/actions`, answers, `/officer/cases/${worker.id}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#f-workRecommendation"');
    for (const value of ['Bekerja', 'Malaysia', 'PT Sawit Sejahtera'])
      expect(refused.body).toContain(`value="${value}"`);
    for (const indicator of ['recruiter_present', 'no_return_ticket'])
      expect(refused.body).toMatch(
        new RegExp(`id="f-indicators-${indicator}" name="indicators" value="${indicator}" checked`),
      );
    expect(refused.body).toMatch(/id="f-answersConsistent-yes" name="answersConsistent" value="yes" checked/);
    expect(await statusOf(worker.id)).toBe('biometrics_captured');
  });

  it('keeps officers to their units and roles', async () => {
    const unit = await makeUnit(ctx.db);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in' });
    const strangerAccount = await makeOfficer(ctx.db, {
      role: 'counter_officer',
      unitCode: (await makeUnit(ctx.db)).code,
    });
    const stranger = await as(strangerAccount);
    expect((await stranger.get(`/officer/cases/${c.id}`)).statusCode).toBe(403);
    // Looking at a case of another unit is refused and audited, as the views that are let through are.
    const [refusal] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.view_refused'), eq(auditLog.actorId, strangerAccount.id)));
    expect(refusal).toMatchObject({
      targetType: 'application',
      targetId: c.id,
      details: { status: 403, code: 'forbidden' },
    });
    const refused = await stranger.post(`/officer/cases/${c.id}/actions`, { type: 'take' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain(tId('errors.forbidden'));
    const admin = await as(await makeOfficer(ctx.db, { role: 'admin', unitCode: unit.code }));
    const look = await admin.get(`/officer/cases/${c.id}`);
    expect(look.statusCode).toBe(200);
    expect(look.body).not.toContain(tId('cases.take'));
    expect((await admin.post(`/officer/cases/${c.id}/actions`, { type: 'take' })).statusCode).toBe(403);
    expect(await statusOf(c.id)).toBe('checked_in');
  });
});
