// The rights that come from a relation rather than a role, walked like test/authz.test.ts walks roles: a partner
// with a live grant reads lodged foreigners of that office only, a sponsor's member reads that sponsor's pages
// only, a lodging's member reports for that lodging only. The role walk's partner has no grant and its citizen
// belongs to nothing, so it proves the refusals; this proves the same routes open to the right relation, and only
// those routes.
import { beforeAll, expect, it } from 'vitest';
import { grantLodgingRead } from '../src/lodgings/grant-lodging-read.ts';
import { makeStay } from '../src/lodgings/oversight-test-support.ts';
import { makeLodging } from '../src/lodgings/test-support.ts';
import type { Account } from '../src/platform/auth/schema.ts';
import { addDays, witaDate } from '../src/platform/calendar/wita.ts';
import { callerAs, makeSponsor, makeStayPermit } from '../src/stay-permits/test-support.ts';
import { describeApp } from './db.ts';
import { makeCitizen, makeOfficer, sessionCookie } from './factories.ts';
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
});
