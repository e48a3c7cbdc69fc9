import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { mailsTo } from '../../test/mail.ts';
import { jpeg, pdf } from '../../test/uploads.ts';
import { holidays } from '../holidays/schema.ts';
import { closedDays } from '../holidays/closed-days.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { nameKey } from '../watchlist/name-key.ts';
import { watchlistEntries } from '../watchlist/schema.ts';
import { dueDate } from './service-level.ts';
import { caseApi, makeCase } from './test-support.ts';

const adultDocs = [
  { kind: 'ektp', accepted: true },
  { kind: 'kk', accepted: true },
  { kind: 'akta_kelahiran', accepted: true },
];
const checklist = { purpose: 'Wisata', destination: 'Australia', answersConsistent: true };
const photo = {
  photo: jpeg.toString('base64'),
  fingerprints: { device: 'Suprema RealScan G10', quality: 82, fingers: 10 },
};

describeApp('case workflow steps over the API', (ctx) => {
  const { act, officer, snapshot, refused } = caseApi(ctx);

  it('checks documents one by one: all accepted verifies, a refusal or a missing requirement leaves it incomplete', async () => {
    const unit = await makeUnit(ctx.db);
    const counter = await officer('counter_officer', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in', holderId: counter.id });
    const refusedKk = [
      { kind: 'ektp', accepted: true },
      { kind: 'kk', accepted: false, reason: 'Nama berbeda dengan e-KTP' },
      { kind: 'ijazah', accepted: true },
    ];
    const first = await act(counter, c.id, { type: 'document_check', documents: refusedKk });
    expect(first.json()).toMatchObject({
      status: 'documents_incomplete',
      action: {
        payload: {
          documents: [
            { kind: 'ektp', accepted: true },
            { kind: 'kk', accepted: false, reason: 'Nama berbeda dengan e-KTP' },
            { kind: 'ijazah', accepted: true },
          ],
          missing: ['kk'],
        },
      },
    });
    const missing = await act(counter, c.id, { type: 'document_check', documents: [{ kind: 'ektp', accepted: true }] });
    expect(missing.json()).toMatchObject({
      status: 'documents_incomplete',
      action: { payload: { missing: ['kk', 'civil_record'] } },
    });
    await refused(
      await act(counter, c.id, { type: 'document_check', documents: [{ kind: 'kk', accepted: false }] }),
      422,
      'validation_failed',
    );
    await refused(
      await act(counter, c.id, { type: 'document_check', documents: [...adultDocs, { kind: 'kk', accepted: true }] }),
      422,
      'validation_failed',
    );
    expect((await act(counter, c.id, { type: 'document_check', documents: adultDocs })).json()).toMatchObject({
      status: 'documents_verified',
    });
  });

  it('stops a case on the prevention list by exact NIK or by a close name with the same birth date', async () => {
    const unit = await makeUnit(ctx.db);
    const counter = await officer('counter_officer', unit.code);
    const check = async (c: { id: string }) =>
      (await act(counter, c.id, { type: 'watchlist_check' })).json<{
        status: string;
        holderId: string | null;
        action: { payload: Record<string, unknown> };
      }>();
    const list = (values: Partial<typeof watchlistEntries.$inferInsert> & { fullName: string }) =>
      ctx.db
        .insert(watchlistEntries)
        .values({
          reason: 'Rahasia: perkara pidana',
          reference: 'SK-01/2025',
          nameKey: nameKey(values.fullName),
          validUntil: addDays(witaDate(), 30),
          ...values,
        })
        .returning()
        .then((r) => r[0]!);

    const byNik = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'documents_verified',
      holderId: counter.id,
      fullName: 'Yohanes Ndun',
    });
    const nikEntry = await list({ nik: byNik.nik, fullName: 'Nama Lain Sama Sekali' });
    const hit = await check(byNik);
    expect(hit).toMatchObject({
      status: 'rejected',
      holderId: null,
      action: { payload: { listed: true, watchlistEntryId: nikEntry.id, match: 'nik' } },
    });
    expect(JSON.stringify(hit)).not.toContain('Rahasia');

    const byName = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'documents_verified',
      holderId: counter.id,
      fullName: 'Maria Goretti Bria',
      birthDate: '1933-03-14',
    });
    const nameEntry = await list({ fullName: 'BRIA, Marya Goreti', birthDate: '1933-03-14' });
    expect(await check(byName)).toMatchObject({
      status: 'rejected',
      action: { payload: { watchlistEntryId: nameEntry.id, match: 'name_birth_date' } },
    });

    // Not a hit: the same name born on another day, a lifted entry, an expired one.
    const namesake = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'documents_verified',
      holderId: counter.id,
      fullName: 'Maria Goretti Bria',
      birthDate: '1933-03-15',
    });
    expect(await check(namesake)).toMatchObject({
      status: 'watchlist_cleared',
      action: { payload: { listed: false } },
    });
    const lifted = await makeCase(ctx.db, { unitCode: unit.code, status: 'documents_verified', holderId: counter.id });
    await list({ nik: lifted.nik, fullName: 'Yohanes Ndun', liftedAt: new Date(), liftReason: 'Dicabut' });
    expect(await check(lifted)).toMatchObject({ status: 'watchlist_cleared' });
    const expired = await makeCase(ctx.db, { unitCode: unit.code, status: 'documents_verified', holderId: counter.id });
    await list({ nik: expired.nik, fullName: 'Yohanes Ndun', validUntil: addDays(witaDate(), -1) });
    expect(await check(expired)).toMatchObject({ status: 'watchlist_cleared', holderId: counter.id });
    const lastDay = await makeCase(ctx.db, { unitCode: unit.code, status: 'documents_verified', holderId: counter.id });
    await list({ nik: lastDay.nik, fullName: 'Yohanes Ndun', validUntil: witaDate() });
    expect(await check(lastDay)).toMatchObject({ status: 'rejected' });
  });

  it('confirms payment only when the billing was paid', async () => {
    const unit = await makeUnit(ctx.db);
    const counter = await officer('counter_officer', unit.code);
    const unpaid = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'watchlist_cleared',
      holderId: counter.id,
      paid: false,
    });
    const before = await snapshot(unpaid.id);
    await refused(await act(counter, unpaid.id, { type: 'confirm_payment' }), 409, 'payment_missing');
    expect(await snapshot(unpaid.id)).toEqual(before);
    const paid = await makeCase(ctx.db, { unitCode: unit.code, status: 'watchlist_cleared', holderId: counter.id });
    expect((await act(counter, paid.id, { type: 'confirm_payment' })).json()).toMatchObject({
      status: 'payment_confirmed',
      action: { payload: { amount: 950_000 } },
    });
  });

  it('stores the photo, records the fingerprints and sets the due date on the unit calendar, skipping its closure', async () => {
    const unit = await makeUnit(ctx.db);
    const plain = await makeUnit(ctx.db);
    const today = witaDate();
    // Close the unit on its first working day after today: a reguler case is then due one working day later.
    const closed = await closedDays(ctx.db, unit.code, addDays(today, 1), addDays(today, 20));
    let closure = addDays(today, 1);
    while (closed.has(closure)) closure = addDays(closure, 1);
    await ctx.db
      .insert(holidays)
      .values({ date: closure, name: 'Penutupan uji', kind: 'office_closure', unitCode: unit.code });

    const counter = await officer('counter_officer', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'payment_confirmed', holderId: counter.id });
    const res = await act(counter, c.id, { type: 'capture_biometrics', ...photo });
    expect(res.statusCode, res.body).toBe(200);
    const payload = res.json<{
      action: { payload: { photo: { key: string; mediaType: string }; fingerprints: unknown; dueOn: string } };
    }>().action.payload;
    expect(payload).toMatchObject({
      photo: { mediaType: 'image/jpeg', size: jpeg.length },
      fingerprints: photo.fingerprints,
    });
    expect(payload.photo.key).toMatch(new RegExp(`^biometrics/${c.id}/photo-[0-9a-f-]{36}$`));
    const stored = await openStorage(ctx.config).get(payload.photo.key);
    const chunks: Buffer[] = [];
    for await (const chunk of stored.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(jpeg)).toBe(true);

    const expected = await dueDate(ctx.db, unit.code, 'reguler', today);
    const withoutClosure = await dueDate(ctx.db, plain.code, 'reguler', today);
    expect(await snapshot(c.id)).toMatchObject({ status: 'biometrics_captured', dueOn: expected });
    expect(payload.dueOn).toBe(expected);
    expect(expected > withoutClosure).toBe(true);
    expect(expected).not.toBe(closure);

    const fast = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'payment_confirmed',
      holderId: counter.id,
      speed: 'percepatan',
    });
    await act(counter, fast.id, {
      type: 'capture_biometrics',
      ...photo,
      photo: `data:image/jpeg;base64,${photo.photo}`,
    });
    expect((await snapshot(fast.id)).dueOn).toBe(today);
  });

  it('refuses a photo that is no JPEG or PNG, a photo over 2 MB and poor fingerprints', async () => {
    const unit = await makeUnit(ctx.db);
    const counter = await officer('counter_officer', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'payment_confirmed', holderId: counter.id });
    const before = await snapshot(c.id);
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await act(counter, c.id, { type: 'capture_biometrics', ...photo, ...body });
      await refused(res, 422, 'validation_failed');
      expect(Object.keys(res.json<{ error: { fields: object } }>().error.fields)).toContain(field);
    };
    await bad({ photo: pdf.toString('base64') }, 'photo');
    await bad({ photo: 'bukan base64 sama sekali!!' }, 'photo');
    await bad({ photo: Buffer.concat([jpeg, Buffer.alloc(2 * 1024 * 1024)]).toString('base64') }, 'photo');
    await bad({ fingerprints: { ...photo.fingerprints, quality: 39 } }, 'quality');
    expect(await snapshot(c.id)).toEqual(before);
  });

  it('interviews: a pass, a deferral the applicant is told about by mail, and no pass for work abroad without a recommendation', async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await officer('verifier', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: verifier.id });
    await refused(
      await act(verifier, c.id, { type: 'interview', checklist, outcome: 'defer' }),
      422,
      'validation_failed',
    );
    const deferred = await act(verifier, c.id, {
      type: 'interview',
      checklist: { ...checklist, traffickingIndicators: ['recruiter_present'] },
      outcome: 'defer',
      reasonCode: 'purpose_unclear',
      reason: 'Bawa surat undangan keluarga',
    });
    expect(deferred.json()).toMatchObject({
      status: 'deferred',
      action: { payload: { outcome: 'defer', reasonCode: 'purpose_unclear', reason: 'Bawa surat undangan keluarga' } },
    });
    const [mail] = await mailsTo(ctx, c.email!);
    expect(mail!.subject).toBe(`Permohonan paspor ${c.trackingCode} ditangguhkan`);
    expect(mail!.text).toContain('Bawa surat undangan keluarga');
    // The applicant reads the officer's note, not the office's reason code.
    expect(mail!.text).not.toContain('purpose_unclear');
    expect(mail!.text).not.toContain('Tujuan tidak jelas');
    expect((await act(verifier, c.id, { type: 'interview', checklist, outcome: 'pass' })).json()).toMatchObject({
      status: 'interviewed',
    });

    const worker = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'biometrics_captured',
      holderId: verifier.id,
      purpose: 'work',
    });
    const before = await snapshot(worker.id);
    const noLetter = await act(verifier, worker.id, {
      type: 'interview',
      checklist: { ...checklist, purpose: 'Bekerja' },
      outcome: 'pass',
    });
    await refused(noLetter, 422, 'validation_failed');
    expect(await snapshot(worker.id)).toEqual(before);
    expect(
      await ctx.db.$count(jobs, and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${worker.email}`)),
    ).toBe(0);
    const withLetter = await act(verifier, worker.id, {
      type: 'interview',
      checklist: { ...checklist, workRecommendation: 'BP3MI-NTT/123/2025' },
      outcome: 'pass',
    });
    expect(withLetter.json()).toMatchObject({ status: 'interviewed' });
  });

  it('adjudicates with four eyes: the interviewer may not decide; a rejection is mailed with its reason', async () => {
    const unit = await makeUnit(ctx.db);
    const [first, second] = [await officer('adjudicator', unit.code), await officer('adjudicator', unit.code)];
    const interviewed = async () => {
      const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: first.id });
      expect((await act(first, c.id, { type: 'interview', checklist, outcome: 'pass' })).statusCode).toBe(200);
      return c;
    };
    const c = await interviewed();
    const before = await snapshot(c.id);
    await refused(await act(first, c.id, { type: 'adjudicate', decision: 'approve' }), 409, 'four_eyes_required');
    expect(await snapshot(c.id)).toEqual(before);
    await act(first, c.id, { type: 'release' });
    await act(second, c.id, { type: 'take' });
    expect((await act(second, c.id, { type: 'adjudicate', decision: 'approve' })).json()).toMatchObject({
      status: 'approved',
      action: { payload: { interviewedBy: first.id } },
    });

    const r = await interviewed();
    await act(first, r.id, { type: 'release' });
    await act(second, r.id, { type: 'take' });
    await refused(await act(second, r.id, { type: 'adjudicate', decision: 'reject' }), 422, 'validation_failed');
    expect(
      (
        await act(second, r.id, {
          type: 'adjudicate',
          decision: 'reject',
          reason: 'Data kelahiran tidak dapat dipastikan',
        })
      ).json(),
    ).toMatchObject({ status: 'rejected', holderId: null });
    const [mail] = await mailsTo(ctx, r.email!);
    expect(mail!.subject).toBe(`Permohonan paspor ${r.trackingCode} ditolak`);
    expect(mail!.text).toContain('Data kelahiran tidak dapat dipastikan');
  });
});
