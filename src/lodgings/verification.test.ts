import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import type { Account } from '../platform/auth/schema.ts';
import { auditFor, queuedMailCount } from '../accounts/test-support.ts';
import { lodgingActions, lodgingMembers, lodgings } from './schema.ts';
import { makeLodging, villageIn } from './test-support.ts';

describeApp('registering a lodging and the office’s verification', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const statusOf = async (id: string) =>
    (await ctx.db.select({ status: lodgings.status }).from(lodgings).where(eq(lodgings.id, id)))[0]!.status;
  const actionsOf = async (id: string) =>
    (await ctx.db.select().from(lodgingActions).where(eq(lodgingActions.lodgingId, id))).length;

  it('registers through the page in English, the picker showing the next level without JavaScript', async () => {
    const owner = await makeCitizen(ctx.db);
    const browser = await as(owner);
    const page = await browser.get('/lodgings/register');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Register a lodging');
    const village = await villageIn(ctx.db, '53.15');
    const form = {
      requestId: crypto.randomUUID(),
      name: 'Homestay Wae Rebo',
      kind: 'homestay',
      licenceNumber: 'NIB-42',
      address: 'Jl. Pantai Pede',
      personInCharge: 'Yosef',
      phone: '081234567890',
      email: 'waerebo@example.org',
      village_province: '53',
      village_regency: '53.15',
      village_district: village.slice(0, 8),
    };
    const refreshed = await browser.post('/lodgings/register', { ...form, _refresh: 'village' });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.body).toContain(`value="${village}"`);
    const done = await browser.post('/lodgings/register', { ...form, village_village: village });
    expect(done.statusCode, done.body.slice(0, 300)).toBe(303);
    const id = done.headers.location!.split('/').pop()!;
    expect(await statusOf(id)).toBe('pending');
    const home = await browser.get(`/lodgings/${id}`);
    expect(home.body).toContain('The office has not verified this lodging yet');
    // A resent form is the same lodging.
    const again = await browser.post('/lodgings/register', { ...form, village_village: village });
    expect(again.headers.location).toBe(done.headers.location);
  });

  it('refuses a village outside NTT on the village picker, registering nothing', async () => {
    const owner = await makeCitizen(ctx.db);
    const browser = await as(owner);
    await browser.get('/lodgings/register');
    const bali = await villageIn(ctx.db, '51.71');
    const res = await browser.post('/lodgings/register', {
      name: 'Bali Villa',
      kind: 'villa',
      licenceNumber: 'NIB-1',
      address: 'Jl. Legian',
      personInCharge: 'Made',
      phone: '081234567890',
      email: 'villa@example.org',
      village_province: '51',
      village_regency: '51.71',
      village_district: bali.slice(0, 8),
      village_village: bali,
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('outside the working area of the immigration offices of Nusa Tenggara Timur');
    const mine = await ctx.db.select().from(lodgingMembers).where(eq(lodgingMembers.accountId, owner.id));
    expect(mine).toHaveLength(0);
  });

  it('verifies, refuses with a reason, suspends and reinstates, telling the lodging each time', async () => {
    const officer = await as(await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-LABUAN-BAJO' }));
    const step = (id: string, form: Record<string, string>) =>
      officer.post(`/officer/lodgings/verification/${id}/actions`, form, `/officer/lodgings/verification/${id}`);
    const { lodging } = await makeLodging(ctx.db, { status: 'pending' });
    expect((await officer.get('/officer')).body).toContain('href="/officer/lodgings/verification"');
    const list = await officer.get('/officer/lodgings/verification');
    expect(list.body).toContain(lodging.name);
    expect((await step(lodging.id, { step: 'verify' })).statusCode).toBe(303);
    expect(await statusOf(lodging.id)).toBe('verified');
    const noReason = await step(lodging.id, { step: 'suspend', reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(await statusOf(lodging.id)).toBe('verified');
    expect((await step(lodging.id, { step: 'suspend', reason: 'Reports missing' })).statusCode).toBe(303);
    expect(await statusOf(lodging.id)).toBe('suspended');
    expect((await step(lodging.id, { step: 'reinstate' })).statusCode).toBe(303);
    expect(await statusOf(lodging.id)).toBe('verified');
    const refused = (await makeLodging(ctx.db, { status: 'pending' })).lodging;
    expect((await step(refused.id, { step: 'refuse', reason: 'No such licence' })).statusCode).toBe(303);
    expect(await statusOf(refused.id)).toBe('refused');
    // A step its status does not allow changes nothing.
    const before = await actionsOf(refused.id);
    expect((await step(refused.id, { step: 'verify' })).statusCode).toBe(409);
    expect(await statusOf(refused.id)).toBe('refused');
    expect(await actionsOf(refused.id)).toBe(before);
    expect(await auditFor(ctx.db, lodging.id)).toHaveLength(3);
    expect(await queuedMailCount(ctx.db, lodging.email)).toBe(3);
    expect(await queuedMailCount(ctx.db, refused.email)).toBe(1);
  });

  it('refuses officers of another office and roles that do not verify, changing nothing', async () => {
    const { lodging } = await makeLodging(ctx.db, { status: 'pending' });
    for (const account of [
      await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-LABUAN-BAJO' }),
    ]) {
      const officer = await as(account);
      expect((await officer.get(`/officer/lodgings/verification/${lodging.id}`)).statusCode).toBe(403);
      const res = await officer.post(`/officer/lodgings/verification/${lodging.id}/actions`, { step: 'verify' }, '/');
      expect(res.statusCode).toBe(403);
    }
    expect(await statusOf(lodging.id)).toBe('pending');
    expect(await actionsOf(lodging.id)).toBe(0);
  });

  it('lets the manager add a reporter by their account’s address and remove them; others may not', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const reporter = await makeCitizen(ctx.db);
    const browser = await as(manager);
    const page = `/lodgings/${lodging.id}`;
    const unknown = await browser.post(`${page}/members`, { email: 'nobody-here@example.org' }, page);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Ask the person to sign up on Sikoe first');
    expect((await browser.post(`${page}/members`, { email: reporter.email }, page)).statusCode).toBe(303);
    const members = () => ctx.db.select().from(lodgingMembers).where(eq(lodgingMembers.lodgingId, lodging.id));
    expect((await members()).filter((m) => !m.removedAt)).toHaveLength(2);
    // The reporter may report but not manage.
    const asReporter = await as(reporter);
    expect((await asReporter.get(`${page}/check-in`)).statusCode).toBe(200);
    const refused = await asReporter.post(`${page}/members/${manager.id}/remove`, {}, page);
    expect(refused.statusCode).toBe(403);
    expect((await browser.post(`${page}/members/${reporter.id}/remove`, {}, page)).statusCode).toBe(303);
    expect((await members()).filter((m) => !m.removedAt)).toHaveLength(1);
    expect((await asReporter.get(`${page}/check-in`)).statusCode).toBe(403);
  });
});
