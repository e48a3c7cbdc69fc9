import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { jpeg, postMultipart } from '../../test/uploads.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, addMonths } from '../platform/calendar/wita.ts';
import { findPassForCrossing } from './find-pass-for-crossing.ts';
import { passVerifyUrl } from './pass-json.ts';
import { allowedReturnDate } from './pass-rules.ts';
import { borderPassActions, borderPasses, type BorderPass } from './schema.ts';
import { bearerOf, makeBorderPass, passBody, passInput } from './test-support.ts';

describe('stay limits and validity', () => {
  const rule = { stayDays: 10, stayExtensions: 2, extensionDays: 10, maxStayDays: 30 };

  it('counts the departure day as the stay’s first, adds each extension, and refuses a third', () => {
    expect(allowedReturnDate(rule, '2026-03-01')).toBe('2026-03-10');
    expect(allowedReturnDate(rule, '2026-03-01', 1)).toBe('2026-03-20');
    expect(allowedReturnDate(rule, '2026-03-01', 2)).toBe('2026-03-30');
    expect(allowedReturnDate({ ...rule, maxStayDays: 25 }, '2026-03-01', 2)).toBe('2026-03-25');
    expect(() => allowedReturnDate(rule, '2026-03-01', 3)).toThrow('validation_failed');
  });

  it('adds months the way a calendar does', () => {
    expect(addMonths('2026-03-10', 12)).toBe('2027-03-10');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });
});

describeApp('a pass’s renewal, loss and revocation, and its checks', (ctx) => {
  const storage = () => ctx.app.deps.storage;
  const counter = () => makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
  const head = () => makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' });
  const stateOf = async (id: string) => {
    const [pass] = await ctx.db.select().from(borderPasses).where(eq(borderPasses.id, id));
    const actions = await ctx.db.select().from(borderPassActions).where(eq(borderPassActions.passId, id));
    return { status: pass!.status, replacedById: pass!.replacedById, actions: actions.length };
  };
  const passesOf = (nik: string) => ctx.db.select().from(borderPasses).where(eq(borderPasses.nik, nik));
  const act = async (officer: Account, pass: BorderPass, body: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/border-passes/${pass.id}/actions`,
      headers: { authorization: await bearerOf(ctx.db, officer) },
      payload: body,
    });
  const issue = async (officer: Account, body: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/border-passes',
      headers: { authorization: await bearerOf(ctx.db, officer) },
      payload: body,
    });

  it('renews: a new pass replaces the old, and a replaced pass cannot be renewed again', async () => {
    const officer = await counter();
    const old = await makeBorderPass(ctx.db, storage(), officer);
    const fresh = await passInput(ctx.db, { nik: old.nik, birthDate: old.birthDate });
    const refused = await issue(officer, passBody(fresh));
    expect(refused.json<{ error: { fields: Record<string, string> } }>().error.fields.nik).toContain(
      'masih memegang PLB',
    );
    const renewed = await issue(officer, { ...passBody(fresh), replaces: { passId: old.id, step: 'renew' } });
    expect(renewed.statusCode, renewed.body).toBe(201);
    const next = renewed.json<{ id: string; replacesId: string }>();
    expect(next.replacesId).toBe(old.id);
    expect(await stateOf(old.id)).toMatchObject({ status: 'replaced', replacedById: next.id, actions: 2 });
    const before = await stateOf(old.id);
    const again = await issue(officer, {
      ...passBody(await passInput(ctx.db, { nik: old.nik, birthDate: old.birthDate })),
      replaces: { passId: old.id, step: 'renew' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'invalid_transition' } });
    expect(await stateOf(old.id)).toEqual(before);
    expect(await passesOf(old.nik)).toHaveLength(2);
  });

  it('tells another unit’s officer who posts the renewal of a pass elsewhere nothing of it, and issues nothing', async () => {
    const old = await makeBorderPass(ctx.db, storage(), await counter());
    const before = await stateOf(old.id);
    const {
      photos: _photos,
      replaces: _replaces,
      unitCode: _unit,
      ...fields
    } = await passInput(ctx.db, {
      nik: old.nik,
      birthDate: old.birthDate,
    });
    const text = {
      ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? ''])),
      replaces: old.id,
      replaceStep: 'renew',
    };
    const jpg = (field: string) => ({ field, filename: 'foto.jpg', type: 'image/jpeg', bytes: jpeg });
    const post = async (officer: Account, unitCode: string, form: Record<string, string>) => {
      const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
      const url = `/officer/units/${unitCode}/border-passes/new`;
      return postMultipart(ctx.app, browser, url, url, form, [jpg('photo1'), jpg('photo2')]);
    };
    const kupang = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
    // A form sent back for a missing name: the pass's own counter sees which pass it renews, Kupang does not.
    const own = await post(await counter(), 'KANIM-ATAMBUA', { ...text, fullName: '' });
    expect(own.statusCode).toBe(422);
    expect(own.body).toContain(old.number);
    const shown = await post(kupang, 'KANIM-KUPANG', { ...text, fullName: '' });
    expect(shown.statusCode).toBe(422);
    expect(shown.body).not.toContain(old.number);
    expect(shown.body).not.toContain(old.id);
    const sent = await post(kupang, 'KANIM-KUPANG', text);
    expect(sent.statusCode).toBe(403);
    expect(sent.body).not.toContain(old.number);
    expect(await stateOf(old.id)).toEqual(before);
    expect(await passesOf(old.nik)).toHaveLength(1);
  });

  it('records a loss, issues a replacement that leaves the old one lost, and refuses a second loss', async () => {
    const officer = await counter();
    const pass = await makeBorderPass(ctx.db, storage(), officer);
    const noReason = await act(officer, pass, { step: 'report_loss' });
    expect(noReason.statusCode).toBe(422);
    const lost = await act(officer, pass, {
      step: 'report_loss',
      reason: 'Hilang di pasar Haekesak',
      requestId: 'loss-0001',
    });
    expect(lost.json()).toMatchObject({ status: 'lost' });
    const resent = await act(officer, pass, {
      step: 'report_loss',
      reason: 'Hilang di pasar Haekesak',
      requestId: 'loss-0001',
    });
    expect(resent.statusCode).toBe(200);
    expect((await stateOf(pass.id)).actions).toBe(2);
    const twice = await act(officer, pass, { step: 'report_loss', reason: 'lagi' });
    expect(twice.statusCode).toBe(409);
    const replacement = await issue(officer, {
      ...passBody(await passInput(ctx.db, { nik: pass.nik, birthDate: pass.birthDate })),
      replaces: { passId: pass.id, step: 'replace_lost' },
    });
    expect(replacement.statusCode, replacement.body).toBe(201);
    expect(await stateOf(pass.id)).toMatchObject({
      status: 'lost',
      replacedById: replacement.json<{ id: string }>().id,
    });
    expect(await findPassForCrossing(ctx.db, { number: pass.number })).toMatchObject({ status: 'lost' });
  });

  it('lets only the head of office revoke, with a reason, and a revoked pass takes no step', async () => {
    const officer = await counter();
    const pass = await makeBorderPass(ctx.db, storage(), officer);
    const byCounter = await act(officer, pass, { step: 'revoke', reason: 'Pindah ke Kupang' });
    expect(byCounter.statusCode).toBe(403);
    const chief = await head();
    expect((await act(chief, pass, { step: 'revoke' })).statusCode).toBe(422);
    expect(await stateOf(pass.id)).toMatchObject({ status: 'valid', actions: 1 });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, chief));
    const page = `/officer/units/KANIM-ATAMBUA/border-passes/${pass.id}`;
    const revoked = await browser.post(`${page}/actions`, { step: 'revoke', reason: 'Pindah ke Kupang' }, page);
    expect(revoked.statusCode).toBe(303);
    expect(await stateOf(pass.id)).toMatchObject({ status: 'revoked', actions: 2 });
    const after = await act(officer, pass, { step: 'report_loss', reason: 'hilang' });
    expect(after.statusCode).toBe(409);
    expect(await stateOf(pass.id)).toMatchObject({ status: 'revoked', actions: 2 });
    const shown = await browser.get(page);
    expect(shown.body).toContain('Pindah ke Kupang');
    expect(shown.body).not.toContain('name="step" value="revoke"');
  });

  it('shows the public check only the status, the last day and the initials, through the card’s QR token', async () => {
    const officer = await counter();
    const pass = await makeBorderPass(ctx.db, storage(), officer, { fullName: 'Yohanes Benediktus Bria' });
    const url = passVerifyUrl('', pass.token);
    const page = await ctx.app.inject({ url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Berlaku');
    expect(page.body).toContain('Y. B. B.');
    for (const secret of ['Yohanes', pass.nik, pass.number, pass.birthDate]) expect(page.body).not.toContain(secret);
    expect((await ctx.app.inject({ url: passVerifyUrl('', 'A'.repeat(24)) })).statusCode).toBe(404);
    const chief = await head();
    await act(chief, pass, { step: 'revoke', reason: 'Salah terbit' });
    expect((await ctx.app.inject({ url })).body).toContain('Dicabut');
  });

  it('finds a pass for the desk by the scanned QR or the typed number, with its holder, status and stay rule', async () => {
    const officer = await counter();
    const pass = await makeBorderPass(ctx.db, storage(), officer);
    const scanned = await findPassForCrossing(ctx.db, {
      token: `https://sikoe.example/pas-lintas-batas/periksa/${pass.token}`,
    });
    expect(scanned).toMatchObject({
      id: pass.id,
      status: 'valid',
      holder: { nik: pass.nik, fullName: pass.fullName, birthDate: pass.birthDate },
      validUntil: pass.validUntil,
      stayRule: { stayDays: 10, stayExtensions: 2, extensionDays: 10, maxStayDays: 30 },
    });
    expect(await findPassForCrossing(ctx.db, { number: ` ${pass.number.toLowerCase()} ` })).toMatchObject({
      id: pass.id,
    });
    expect(await findPassForCrossing(ctx.db, { number: pass.number }, addDays(pass.validUntil, 1))).toMatchObject({
      status: 'expired',
    });
    expect(await findPassForCrossing(ctx.db, { token: 'not-a-token' })).toBeNull();
    expect(await findPassForCrossing(ctx.db, { token: 'B'.repeat(24) })).toBeNull();
  });
});
