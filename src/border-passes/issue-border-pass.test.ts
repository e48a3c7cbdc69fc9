import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { exe, jpeg, png, postMultipart } from '../../test/uploads.ts';
import { auditFor } from '../accounts/test-support.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, addMonths, witaDate } from '../platform/calendar/wita.ts';
import { assignDuties } from '../roster/assign-duties.ts';
import { addWatchlistEntry } from '../watchlist/add-watchlist-entry.ts';
import { issueBorderPass } from './issue-border-pass.ts';
import { borderPassRefusals, borderPasses } from './schema.ts';
import { ALAK, bearerOf, borderNik, firstVillage, passBody, passInput } from './test-support.ts';

describeApp('issuing a Pas Lintas Batas', (ctx) => {
  const passesOf = (nik: string) => ctx.db.select().from(borderPasses).where(eq(borderPasses.nik, nik));
  const counter = () => makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
  const issue = async (officer: Account, body: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/border-passes',
      headers: { authorization: await bearerOf(ctx.db, officer) },
      payload: body,
    });

  it('issues to a resident of a listed kecamatan, free, valid a year, and answers a resend with the same pass', async () => {
    const officer = await counter();
    const input = await passInput(ctx.db);
    const res = await issue(officer, passBody(input));
    expect(res.statusCode, res.body).toBe(201);
    const pass = res.json<{ id: string; number: string; status: string; validUntil: string; verifyUrl: string }>();
    expect(pass.status).toBe('valid');
    expect(pass.number).toMatch(/^PLB-ATAMBUA-[A-Z2-9]{8}$/);
    // The seeded rule: one year, the day before the same date a year on.
    expect(pass.validUntil).toBe(addDays(addMonths(witaDate(), 12), -1));
    const again = await issue(officer, passBody(input));
    expect(again.statusCode).toBe(200);
    expect(again.json<{ id: string }>().id).toBe(pass.id);
    expect(await passesOf(input.nik)).toHaveLength(1);
    expect(await auditFor(ctx.db, pass.id, 'border_pass.issued')).toHaveLength(1);
    // The same request id for someone else opens nothing.
    const other = await passInput(ctx.db, { requestId: input.requestId });
    const stolen = await issue(officer, passBody(other));
    expect(stolen.statusCode).toBe(409);
    expect(stolen.body).not.toContain(input.nik);
    expect(await passesOf(other.nik)).toHaveLength(0);
  });

  it('refuses a NIK or a village outside the listed kecamatan, issuing nothing', async () => {
    const officer = await counter();
    const birthDate = '1988-02-03';
    const kupangNik = borderNik(birthDate, 'F', ALAK);
    const outside = await passInput(ctx.db, {
      birthDate,
      sex: 'F',
      nik: kupangNik,
      villageCode: await firstVillage(ctx.db, ALAK),
    });
    const res = await issue(officer, passBody(outside));
    expect(res.statusCode).toBe(422);
    const fields = res.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(fields.nik).toContain('tidak berasal dari kecamatan perbatasan');
    expect(fields.villageCode).toContain('tidak berada di kecamatan perbatasan');
    // Living in Lamaknen with a NIK first given in Kota Kupang: the NIK decides too.
    const moved = await passInput(ctx.db, { birthDate, sex: 'F', nik: kupangNik });
    const res2 = await issue(officer, passBody(moved));
    expect(Object.keys(res2.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual(['nik']);
    expect(await passesOf(kupangNik)).toHaveLength(0);
  });

  it('refuses an applicant born after today, issuing nothing', async () => {
    const unborn = await passInput(ctx.db, { birthDate: addDays(witaDate(), 1) });
    const res = await issue(await counter(), passBody(unborn));
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json<{ error: { fields: Record<string, string> } }>().error.fields)).toEqual(['birthDate']);
    expect(await passesOf(unborn.nik)).toHaveLength(0);
  });

  it('refuses a prevention-list hit without saying why, issues nothing and records it for the head of office', async () => {
    const officer = await counter();
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' });
    const input = await passInput(ctx.db, { fullName: 'Muhammad Bria' });
    await ctx.db.transaction((tx) =>
      addWatchlistEntry(
        tx,
        { ...systemCaller('test'), actor: officerActor(head) },
        {
          fullName: 'Mohammad Bria',
          birthDate: input.birthDate,
          reason: 'Perkara penyelundupan 77/2026',
          reference: 'R-77',
        },
      ),
    );
    const res = await issue(officer, passBody(input));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'border_pass_refused' } });
    expect(res.body).not.toContain('penyelundupan');
    expect(res.body).not.toContain('R-77');
    const resent = await issue(officer, passBody(input));
    expect(resent.json()).toMatchObject({ error: { code: 'border_pass_refused' } });
    expect(await passesOf(input.nik)).toHaveLength(0);
    const refusals = await ctx.db.select().from(borderPassRefusals).where(eq(borderPassRefusals.nik, input.nik));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ match: 'name_birth_date', unitCode: 'KANIM-ATAMBUA', refusedBy: officer.id });
    expect(await auditFor(ctx.db, refusals[0]!.id, 'border_pass.refused')).toHaveLength(1);
    const page = await new Browser(ctx.app)
      .setCookie(await sessionCookie(ctx.db, head))
      .get('/officer/units/KANIM-ATAMBUA/border-passes/refusals');
    expect(page.body).toContain(input.nik);
    expect(page.body).toContain('Nama mirip, tanggal lahir sama');
    // At the counter's page: the form again, with the neutral answer and nothing about the listing.
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const url = '/officer/units/KANIM-ATAMBUA/border-passes/new';
    const { photos: _photos, replaces: _replaces, unitCode: _unit, ...fields } = input;
    const text = {
      ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? ''])),
      requestId: crypto.randomUUID(),
    };
    const jpg = (field: string) => ({ field, filename: 'foto.jpg', type: 'image/jpeg', bytes: jpeg });
    const counterPage = await postMultipart(ctx.app, browser, url, url, text, [jpg('photo1'), jpg('photo2')]);
    expect(counterPage.statusCode).toBe(422);
    expect(counterPage.body).toContain('Pas Lintas Batas tidak dapat diterbitkan untuk pemohon ini');
    expect(counterPage.body).not.toContain('penyelundupan');
    expect(await passesOf(input.nik)).toHaveLength(0);
  });

  it('issues through the page’s multipart form with two photos, and refuses a program sent as a photo', async () => {
    const officer = await counter();
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const url = '/officer/units/KANIM-ATAMBUA/border-passes/new';
    const { photos: _photos, replaces: _replaces, unitCode: _unit, ...fields } = await passInput(ctx.db);
    const text = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? '']));
    const photo = (field: string, bytes: Buffer) => ({ field, filename: `${field}.png`, type: 'image/png', bytes });
    const bad = await postMultipart(ctx.app, browser, url, url, text, [photo('photo1', png), photo('photo2', exe)]);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Foto harus berupa gambar JPEG atau PNG');
    expect(await passesOf(text.nik!)).toHaveLength(0);
    const good = await postMultipart(ctx.app, browser, url, url, text, [
      { field: 'photo1', filename: 'foto.jpg', type: 'image/jpeg', bytes: jpeg },
      photo('photo2', png),
    ]);
    expect(good.statusCode, good.body.slice(0, 500)).toBe(303);
    const page = await browser.get(good.headers.location as string);
    expect(page.body).toContain(text.fullName!);
    const card = await browser.get(`${good.headers.location as string}/card.pdf`);
    expect(card.statusCode).toBe(200);
    expect(card.headers['content-type']).toBe('application/pdf');
    expect(card.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('queues the photos’ deletes when the transaction fails after they were stored, recording no pass', async () => {
    const officer = await counter();
    const input = await passInput(ctx.db);
    let passId = '';
    const failed = transactionStoring(ctx.db, ctx.app.deps.storage, async (tx, storage) => {
      const caller = { ...systemCaller('test'), actor: officerActor(officer) };
      const result = await issueBorderPass(tx, caller, input, { storage });
      if (result.kind === 'issued') passId = result.pass.id;
      // Stands for a commit the database refuses once the photos are stored.
      throw new Error('commit refused');
    });
    await expect(failed).rejects.toThrow('commit refused');
    expect(await passesOf(input.nik)).toHaveLength(0);
    const keys = [1, 2].map((i) => `border-passes/${passId}/photo-${i}`);
    const queued = await ctx.db.select({ payload: jobs.payload }).from(jobs).where(eq(jobs.kind, STORAGE_DELETE_JOB));
    expect(queued.map((j) => j.payload.key)).toEqual(expect.arrayContaining(keys));
    await expect(ctx.app.deps.storage.get(keys[0]!)).resolves.toBeDefined();
    await ctx.app.deps.jobs.runDue();
    for (const key of keys) await expect(ctx.app.deps.storage.get(key)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('issues on outreach only on a roster duty in a village, and records the duty on the pass', async () => {
    const officer = await counter();
    const input = await passInput(ctx.db, { channel: 'outreach' });
    const noDuty = await issue(officer, passBody(input));
    expect(noDuty.statusCode).toBe(422);
    expect(Object.keys(noDuty.json<{ error: { fields: object } }>().error.fields)).toEqual(['channel']);
    const sessionId = crypto.randomUUID();
    await ctx.db.transaction((tx) =>
      assignDuties(tx, systemCaller('test'), {
        date: witaDate(),
        unitCode: 'KANIM-ATAMBUA',
        kind: 'session',
        refId: sessionId,
        officerIds: [officer.id],
      }),
    );
    const res = await issue(officer, passBody(input));
    expect(res.statusCode, res.body).toBe(201);
    const [pass] = await passesOf(input.nik);
    expect(pass).toMatchObject({ channel: 'outreach', outreachRefId: sessionId });
    expect(pass!.dutyId).not.toBeNull();
  });
});
