import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { makeLodging, makeStay } from './oversight-test-support.ts';
import { lodgingReadGrants } from './schema.ts';

const tId = translator('id');
const kupang = '/officer/units/KANIM-KUPANG/lodgings';
const maumere = '/officer/units/KANIM-MAUMERE/lodgings';

describeApp('oversight of lodging reports: partner police', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const partnerReads = (id: string) => ctx.db.select().from(auditLog).where(eq(auditLog.actorId, id));
  const grantsOf = (accountId: string) =>
    ctx.db.select().from(lodgingReadGrants).where(eq(lodgingReadGrants.accountId, accountId));

  it('lets a partner read lodged foreigners of the granted unit only, without names, every read audited', async () => {
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const partner = await makeOfficer(ctx.db, { role: 'partner', unitCode: 'KANIM-KUPANG' });
    const police = await as(partner);
    expect((await police.get(kupang)).statusCode).toBe(403);

    const headBrowser = await as(head);
    const granted = await headBrowser.post(
      `${kupang}/partners`,
      { email: partner.email.toUpperCase(), validUntil: addDays(witaDate(), 30) },
      `${kupang}/partners`,
    );
    expect(granted.statusCode, granted.body).toBe(303);
    const [grant] = await grantsOf(partner.id);
    expect(grant).toMatchObject({ unitCode: 'KANIM-KUPANG', grantedBy: head.id, revokedAt: null });
    const page = await headBrowser.get(`${kupang}/partners`);
    expect(page.body).toContain(partner.email);
    expect(page.body).toContain(tId('lodgings.oversight.partners.live'));

    const person = await makeForeigner(ctx.db);
    const ids = { foreignerId: person.id, documentNumber: person.doc.documentNumber };
    const hotel = await makeLodging(ctx.db, { districtCode: '53.71.03' });
    const elsewhere = await makeLodging(ctx.db, { districtCode: '53.07.02', unitCode: 'KANIM-MAUMERE' });
    await makeStay(ctx.db, hotel, ids);
    await makeStay(ctx.db, elsewhere, { ...ids, checkInAt: new Date(Date.now() - 10 * 86_400_000) });

    expect((await police.get('/officer')).body).toContain(`href="${kupang}"`);
    const overview = await police.get(kupang);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain(tId('lodgings.oversight.partnerNotice'));
    expect(overview.body).not.toContain(`${kupang}/silent`);
    const list = await police.get(`${kupang}/districts/53.71.03`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(hotel.name);
    expect(list.body).toContain(person.doc.nationality);
    expect(list.body).not.toContain(person.doc.documentNumber);
    expect(list.body).not.toContain(person.doc.surname);
    const trail = await police.get(`${kupang}/foreigners/${person.id}`);
    expect(trail.statusCode).toBe(200);
    expect(trail.body).toContain(hotel.name);
    expect(trail.body).not.toContain(elsewhere.name);
    expect(trail.body).not.toContain(person.doc.documentNumber);
    const search = await police.get(
      `${kupang}/people?nationality=${person.doc.nationality}&documentNumber=${person.doc.documentNumber}`,
    );
    expect(search.headers.location).toBe(`${kupang}/foreigners/${person.id}`);

    const reads = await partnerReads(partner.id);
    expect(reads.map((r) => r.action).sort()).toEqual(
      ['lodging.findPerson', 'lodging.lodgedList', 'lodging.lodgedNow', 'lodging.movements'].sort(),
    );
    for (const r of reads) expect(r.details).toMatchObject({ grantId: grant!.id });

    // Read-only and only what the grant opens: no other oversight page, no other unit.
    for (const path of [
      `${kupang}/silent`,
      `${kupang}/flags`,
      `${kupang}/partners`,
      maumere,
      `${maumere}/districts/53.07.02`,
    ])
      expect((await police.get(path)).statusCode, path).toBe(403);
    expect(
      (await police.post(`${kupang}/partners`, { email: partner.email, validUntil: witaDate() }, kupang)).statusCode,
    ).toBe(403);
    expect(await grantsOf(partner.id)).toHaveLength(1);

    // Revoked: refused again, and the grant is kept with who ended it.
    const revoked = await headBrowser.post(`${kupang}/partners/${grant!.id}/revoke`, {}, `${kupang}/partners`);
    expect(revoked.statusCode).toBe(303);
    expect((await police.get(kupang)).statusCode).toBe(403);
    expect((await police.get('/officer')).body).not.toContain(`href="${kupang}"`);
    expect((await grantsOf(partner.id))[0]).toMatchObject({ revokedBy: head.id });
    expect((await headBrowser.get(`${kupang}/partners`)).body).toContain(tId('lodgings.oversight.partners.revoked'));
  });

  it('refuses a partner whose grant expired or is for another unit', async () => {
    const partner = await makeOfficer(ctx.db, { role: 'partner', unitCode: 'KANIM-KUPANG' });
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' });
    const police = await as(partner);
    await ctx.db.insert(lodgingReadGrants).values([
      { accountId: partner.id, unitCode: 'KANIM-KUPANG', grantedBy: head.id, validUntil: addDays(witaDate(), -1) },
      { accountId: partner.id, unitCode: 'KANIM-MAUMERE', grantedBy: head.id, validUntil: witaDate() },
    ]);
    expect((await police.get(kupang)).statusCode).toBe(403);
    expect((await police.get(`${kupang}/districts/53.71.01`)).statusCode).toBe(403);
    // The last day of a grant is still a day of it.
    expect((await police.get(maumere)).statusCode).toBe(200);
  });

  it('grants only to live partner accounts, for at most a year, and changes nothing when refused', async () => {
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }));
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    const partner = await makeOfficer(ctx.db, { role: 'partner', unitCode: 'KANIM-KUPANG' });
    const notPartner = await head.post(
      `${kupang}/partners`,
      { email: officer.email, validUntil: addDays(witaDate(), 5) },
      `${kupang}/partners`,
    );
    expect(notPartner.statusCode).toBe(422);
    expect(notPartner.body).toContain(tId('lodgings.oversight.v.notPartner'));
    const tooLong = await head.post(`${kupang}/partners`, {
      email: partner.email,
      validUntil: addDays(witaDate(), 400),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain(tId('lodgings.oversight.v.grantPeriod'));
    const past = await head.post(`${kupang}/partners`, { email: partner.email, validUntil: addDays(witaDate(), -1) });
    expect(past.statusCode).toBe(422);
    expect(await grantsOf(partner.id)).toHaveLength(0);
    expect(await grantsOf(officer.id)).toHaveLength(0);
  });
});
