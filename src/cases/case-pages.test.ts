import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { jpeg, multipart } from '../../test/uploads.ts';
import { auditFor } from '../accounts/test-support.ts';
import { applications } from '../applications/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { translator } from '../platform/i18n/index.ts';
import { nameKey } from '../watchlist/name-key.ts';
import { watchlistEntries } from '../watchlist/schema.ts';
import { makeCase } from './test-support.ts';

const tId = translator('id');

describeApp('officer case page', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const statusOf = async (id: string) => (await ctx.db.select({ status: applications.status }).from(applications).where(eq(applications.id, id)))[0]!.status;
  const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

  it('takes a case from arrival to the decision through its forms, showing the history and auditing every view', async () => {
    const unit = await makeUnit(ctx.db);
    const verifierAccount = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code, name: 'Verifikator Uji' });
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
    expect(held.body).toContain('name="doc_ektp"');

    const noReason = await verifier.post(actions, { type: 'document_check', doc_ektp: 'accepted', doc_kk: 'refused', doc_akta_kelahiran: 'accepted' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('error-summary');
    expect(await statusOf(c.id)).toBe('checked_in');

    const docs = { type: 'document_check', doc_ektp: 'accepted', doc_kk: 'accepted', doc_akta_kelahiran: 'accepted', doc_ijazah: 'absent', reason_kk: '' };
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
    const upload = multipart({ _csrf: csrfIn(form.body), type: 'capture_biometrics', device: 'Suprema', quality: '75', fingers: '10' }, { field: 'photo', filename: 'foto.jpg', type: 'image/jpeg', bytes: jpeg });
    const sent = await ctx.app.inject({ method: 'POST', url: actions, payload: upload.payload, headers: { ...upload.headers, cookie: verifier.cookieHeader } });
    expect(sent.statusCode, sent.body).toBe(303);
    expect(await statusOf(c.id)).toBe('biometrics_captured');

    const interview = { type: 'interview', purpose: 'Wisata', destination: 'Singapura', answersConsistent: 'yes', indicators: ['recruiter_present'], outcome: 'pass', reason: '' };
    expect((await verifier.post(actions, interview)).statusCode).toBe(303);
    expect((await verifier.post(actions, { type: 'release' })).statusCode).toBe(303);

    const adjudicator = await as(await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: unit.code }));
    expect((await adjudicator.post(actions, { type: 'take' }, page)).statusCode).toBe(303);
    const decide = await adjudicator.get(page);
    expect(decide.body).toContain('name="decision"');
    expect((await adjudicator.post(actions, { type: 'adjudicate', decision: 'approve', reason: '' })).statusCode).toBe(303);
    expect(await statusOf(c.id)).toBe('approved');

    const done = await adjudicator.get(page);
    expect(done.body).toContain('Verifikator Uji');
    for (const step of ['document_check', 'watchlist_check', 'confirm_payment', 'capture_biometrics', 'interview', 'adjudicate']) expect(done.body).toContain(tId(`cases.actions.${step}`));
    expect((await auditFor(ctx.db, c.id, 'case.view')).length).toBeGreaterThanOrEqual(8);
  });

  it('prints a rejection receipt that names the prevention list but never its reason', async () => {
    const unit = await makeUnit(ctx.db);
    const counterAccount = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const counter = await as(counterAccount);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'documents_verified', holderId: counterAccount.id, fullName: 'Petrus Nahak' });
    await ctx.db.insert(watchlistEntries).values({ nik: c.nik, fullName: 'Petrus Nahak', nameKey: nameKey('Petrus Nahak'), reason: 'Rahasia penyidikan', reference: 'SK-9' });
    expect((await counter.get(`/officer/cases/${c.id}/rejection-receipt`)).statusCode).toBe(404);
    expect((await counter.post(`/officer/cases/${c.id}/actions`, { type: 'watchlist_check' }, `/officer/cases/${c.id}`)).statusCode).toBe(303);
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
    const formOf = async (status: string) => (await counter.get(`/officer/cases/${(await makeCase(ctx.db, { unitCode: unit.code, status, holderId: account.id })).id}`)).body;
    expect(await formOf('approved')).toContain('name="type" value="print"');
    const quality = await formOf('printed');
    expect(quality).toContain('name="type" value="quality_check"');
    expect(quality).toContain('name="passed"');
    const handOver = await formOf('ready');
    expect(handOver).toContain('name="type" value="hand_over"');
    for (const field of ['identityChecked', 'recipient', 'proxyName', 'proxyNik', 'proxyPowerOfAttorney']) expect(handOver).toContain(`name="${field}"`);
    // Someone else's case shows who holds it and no step form.
    const other = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: 'Petugas Lain' });
    const theirs = await counter.get(`/officer/cases/${(await makeCase(ctx.db, { unitCode: unit.code, status: 'approved', holderId: other.id })).id}`);
    expect(theirs.body).toContain(tId('cases.heldBy', { name: 'Petugas Lain' }));
    expect(theirs.body).not.toContain('value="print"');
  });

  it('keeps officers to their units and roles', async () => {
    const unit = await makeUnit(ctx.db);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in' });
    const strangerAccount = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: (await makeUnit(ctx.db)).code });
    const stranger = await as(strangerAccount);
    expect((await stranger.get(`/officer/cases/${c.id}`)).statusCode).toBe(403);
    // Looking at a case of another unit is refused and audited, as the views that are let through are.
    const [refusal] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.view_refused'), eq(auditLog.actorId, strangerAccount.id)));
    expect(refusal).toMatchObject({ targetType: 'application', targetId: c.id, details: { status: 403, code: 'forbidden' } });
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
