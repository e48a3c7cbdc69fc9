// The rights that come from a relation rather than a role, walked like test/authz.test.ts walks roles: a partner
// with a live grant reads lodged foreigners of that office only, a sponsor's member reads that sponsor's pages
// only, a lodging's member reports for that lodging only. The role walk's partner has no grant and its citizen
// belongs to nothing, so it proves the refusals; this proves the same routes open to the right relation, and only
// those routes. A Timpora team's partner reads that team's meetings and operations only, masked, and never a case,
// a detainee or a refugee.
import { beforeAll, expect, it } from 'vitest';
import { grantLodgingRead } from '../src/lodgings/grant-lodging-read.ts';
import { makeStay } from '../src/lodgings/oversight-test-support.ts';
import { makeLodging } from '../src/lodgings/test-support.ts';
import type { Account } from '../src/platform/auth/schema.ts';
import { addDays, witaDate } from '../src/platform/calendar/wita.ts';
import { callerAs, makeSponsor, makeStayPermit } from '../src/stay-permits/test-support.ts';
import { bearerOf } from '../src/border-passes/test-support.ts';
import { openReportCase } from '../src/enforcement/test-support.ts';
import { makeForeigner } from '../src/foreigners/test-support.ts';
import { kupangVillage, makeAgency, makeOperation, makePartner, makeTeam } from '../src/timpora/test-support.ts';
import { describeApp } from './db.ts';
import { birthDatesFrom, makeCitizen, makeOfficer, sessionCookie } from './factories.ts';
import { Browser } from './http.ts';

describeApp('authorisation by relation', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const statusFor = async (account: Account, urls: string[]) => {
    const browser = await as(account);
    return Object.fromEntries(await Promise.all(urls.map(async (u) => [u, (await browser.get(u)).statusCode])));
  };
  const all = (urls: string[], status: number) => Object.fromEntries(urls.map((u) => [u, status]));
  let outsider: Account;

  beforeAll(async () => {
    outsider = await makeCitizen(ctx.db);
  });

  it('opens lodged foreigners of the granted office to a partner, and nothing else', async () => {
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const partner = await makeOfficer(ctx.db, { role: 'partner', unitCode: 'KANIM-KUPANG' });
    const today = witaDate();
    await ctx.db.transaction((tx) =>
      grantLodgingRead(
        tx,
        callerAs(head) as Parameters<typeof grantLodgingRead>[1],
        { unitCode: 'KANIM-KUPANG', email: partner.email, validUntil: addDays(today, 30) },
        today,
      ),
    );
    const { lodging } = await makeLodging(ctx.db, { regencyCode: '53.71', unitCode: 'KANIM-KUPANG' });
    const stay = await makeStay(ctx.db, lodging);
    const base = '/officer/units/KANIM-KUPANG/lodgings';
    const open = [base, `${base}/districts/${stay.districtCode}`, `${base}/foreigners/${stay.foreignerId}`];
    const closed = [
      `${base}/silent?days=30`,
      `${base}/flags?days=30`,
      `${base}/partners`,
      '/officer/units/KANIM-MAUMERE/lodgings',
      '/officer/lodgings/verification',
      `/api/v1/foreigners/${stay.foreignerId}`,
      '/officer/overstays',
      '/officer/units/KANIM-KUPANG/stay-permits',
    ];
    expect(await statusFor(partner, open)).toEqual(all(open, 200));
    expect(await statusFor(partner, closed)).toEqual(all(closed, 403));
    const ungranted = await makeOfficer(ctx.db, { role: 'partner', unitCode: 'KANIM-KUPANG' });
    expect(await statusFor(ungranted, open)).toEqual(all(open, 403));
  });

  it('opens a sponsor’s pages and permits to its members only', async () => {
    const member = await makeCitizen(ctx.db);
    const sponsor = await makeSponsor(ctx.db, { members: [member] });
    const permit = await makeStayPermit(ctx.db, { sponsorId: sponsor.id });
    const urls = [`/sponsors/${sponsor.id}`, `/sponsors/${sponsor.id}/permits/${permit.id}`];
    expect(await statusFor(member, urls)).toEqual(all(urls, 200));
    expect(await statusFor(outsider, urls)).toEqual(all(urls, 404));
    const api = `/api/v1/stay-permits/${permit.id}`;
    expect(await statusFor(member, [api])).toEqual({ [api]: 200 });
    expect(await statusFor(outsider, [api])).toEqual({ [api]: 403 });
  });

  it('opens a lodging’s pages to its members only', async () => {
    const { lodging, manager } = await makeLodging(ctx.db);
    const stay = await makeStay(ctx.db, lodging);
    const base = `/lodgings/${lodging.id}`;
    const urls = [base, `${base}/guests`, `${base}/check-in`, `${base}/upload`, `${base}/guests/${stay.id}/receipt`];
    expect(await statusFor(manager, urls)).toEqual(all(urls, 200));
    const refused = await statusFor(outsider, urls);
    expect(Object.values(refused).every((s) => s === 403 || s === 404)).toBe(true);
  });
  it('opens a Timpora team’s operations to its partners, masked, and nothing of other teams, cases or detention', async () => {
    const [mine, other] = [await makeTeam(ctx.db), await makeTeam(ctx.db)];
    const partner = await makePartner(ctx.db, await makeAgency(ctx.db, 'satpol_pp'), [mine]);
    const [ours, theirs] = [await makeOperation(ctx.db, [mine]), await makeOperation(ctx.db, [other])];
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    const person = await makeForeigner(ctx.db, { surname: 'HIDDENSURNAME', birthDate: birthDatesFrom(1919)() });
    const found = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/oversight/operations/${ours.id}/findings`,
      headers: { authorization: await bearerOf(ctx.db, officer) },
      payload: {
        villageCode: await kupangVillage(ctx.db),
        nationality: person.doc.nationality,
        documentNumber: person.doc.documentNumber,
        outcome: 'no_violation',
      },
    });
    expect(found.statusCode).toBe(200);
    const open = [`/officer/timpora/operations/${ours.id}`, `/api/v1/oversight/operations/${ours.id}`];
    const hidden = [`/officer/timpora/operations/${theirs.id}`, `/api/v1/oversight/operations/${theirs.id}`];
    const closed = ['/officer/enforcement', '/api/v1/enforcement/cases', '/officer/detention', '/officer/refugees'];
    expect(await statusFor(partner, open)).toEqual(all(open, 200));
    expect(await statusFor(partner, hidden)).toEqual(all(hidden, 404));
    expect(await statusFor(partner, closed)).toEqual(all(closed, 403));
    const browser = await as(partner);
    for (const url of open) {
      const body = (await browser.get(url)).body;
      expect(body).not.toContain('HIDDENSURNAME');
      expect(body).not.toContain(person.doc.documentNumber);
      expect(body).not.toContain(person.id);
    }
    // Being in a team gives no write outside it: the partner still may not open a case about the person it saw.
    const token = await bearerOf(ctx.db, partner);
    expect((await openReportCase(ctx.app, token, 'KANIM-KUPANG', person.id)).status).toBe(403);
    const month = witaDate().slice(0, 7);
    const report = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/refugees/${crypto.randomUUID()}/reports`,
      headers: { authorization: token },
      payload: { month },
    });
    expect(report.statusCode).toBe(403);
  });
});
