import { and, eq } from 'drizzle-orm';
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
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
/** The count in a district's row of the overview. */
const districtCount = (html: string, district: string) =>
  new RegExp(`/districts/${district.replaceAll('.', '\\.')}">[^<]*</a></td><td class="number">(\\d+)<`).exec(html)?.[1];

describeApp(
  'oversight of lodging reports: officers',
  (ctx) => {
    const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
    const audits = (actorId: string, action: string) =>
      ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, action)));

    it('counts the foreigners lodged now per regency and district of the unit, and lists one district', async () => {
      const waingapu = await makeLodging(ctx.db, { districtCode: '53.11.01' });
      const kambera = await makeLodging(ctx.db, { districtCode: '53.11.16' });
      const paga = await makeLodging(ctx.db, { districtCode: '53.07.01', unitCode: 'KANIM-MAUMERE' });
      const open = await makeStay(ctx.db, waingapu, { expectedCheckOutOn: addDays(witaDate(), 3), room: '12' });
      await makeStay(ctx.db, waingapu);
      await makeStay(ctx.db, waingapu, { checkOutAt: new Date() });
      await makeStay(ctx.db, kambera);
      await makeStay(ctx.db, paga);
      const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
      const browser = await as(officer);

      expect((await browser.get('/officer')).body).toContain(`href="${kupang}"`);
      const overview = await browser.get(kupang);
      expect(overview.statusCode).toBe(200);
      expect(overview.body).toContain(tId('lodgings.oversight.title'));
      expect(overview.body).toMatch(/sumba timur/i);
      expect(districtCount(overview.body, '53.11.01')).toBe('2');
      expect(districtCount(overview.body, '53.11.16')).toBe('1');
      expect(overview.body).not.toContain('/districts/53.07.01');
      expect(await audits(officer.id, 'lodging.lodgedNow')).toHaveLength(1);

      const list = await browser.get(`${kupang}/districts/53.11.01`);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(waingapu.name);
      expect(list.body).toContain(open.documentNumber);
      expect(list.body).toContain('SMITH, JOHN PETER');
      expect(list.body).toContain(`${kupang}/foreigners/${open.foreignerId}`);
      expect((list.body.match(/\/foreigners\//g) ?? []).length).toBe(2);
      const [entry] = await audits(officer.id, 'lodging.lodgedList');
      expect(entry?.details).toMatchObject({ districtCode: '53.11.01', count: 2 });

      // Another office's district is not in this unit's area.
      expect((await browser.get(`${kupang}/districts/53.07.01`)).statusCode).toBe(404);
    });

    it("refuses another unit's officers and the roles that do not oversee lodgings, reading nothing", async () => {
      const maumere = await as(await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-MAUMERE' }));
      for (const path of ['', '/districts/53.71.01', '/silent', '/flags', '/partners'])
        expect((await maumere.get(`${kupang}${path}`)).statusCode, path).toBe(403);
      const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
      expect((await (await as(counter)).get(kupang)).statusCode).toBe(403);
      expect(await audits(counter.id, 'lodging.lodgedNow')).toHaveLength(0);
      // The regional office oversees its offices' areas.
      const regional = await as(await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANWIL-NTT' }));
      expect((await regional.get(kupang)).statusCode).toBe(200);
    });

    it("shows one person's stays across lodgings in order, found by passport number and nationality", async () => {
      const person = await makeForeigner(ctx.db, { nationality: 'NLD', issuingState: 'NLD' });
      const kupangHotel = await makeLodging(ctx.db);
      const maumereHotel = await makeLodging(ctx.db, { districtCode: '53.07.01', unitCode: 'KANIM-MAUMERE' });
      const ids = { foreignerId: person.id, documentNumber: person.doc.documentNumber };
      await makeStay(ctx.db, maumereHotel, { ...ids, checkInAt: daysAgo(20), checkOutAt: daysAgo(15) });
      await makeStay(ctx.db, kupangHotel, { ...ids, checkInAt: daysAgo(3), late: true });
      const officer = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
      const browser = await as(officer);

      const found = await browser.get(
        `${kupang}/people?nationality=nld&documentNumber=${person.doc.documentNumber.toLowerCase()}`,
      );
      expect(found.statusCode).toBe(303);
      expect(found.headers.location).toBe(`${kupang}/foreigners/${person.id}`);
      const trail = await browser.get(found.headers.location!);
      expect(trail.statusCode).toBe(200);
      const first = trail.body.indexOf(maumereHotel.name);
      expect(first).toBeGreaterThan(0);
      expect(trail.body.indexOf(kupangHotel.name)).toBeGreaterThan(first);
      expect(trail.body).toContain(tId('lodgings.oversight.notYet'));
      expect(trail.body).toContain(tId('lodgings.oversight.late'));
      const [read] = await audits(officer.id, 'lodging.movements');
      expect(read).toMatchObject({ targetType: 'foreigner', targetId: person.id, details: { stays: 2 } });
      expect(await audits(officer.id, 'lodging.findPerson')).toHaveLength(1);

      const none = await browser.get(`${kupang}/people?nationality=NLD&documentNumber=NOSUCH1`);
      expect(none.statusCode).toBe(200);
      expect(none.body).toContain(tId('lodgings.oversight.findNone'));
    });

    it('lists verified lodgings that reported before and have been silent for the chosen days', async () => {
      const silent = await makeLodging(ctx.db);
      await makeStay(ctx.db, silent, {
        checkInAt: daysAgo(45),
        checkOutAt: daysAgo(44),
        checkOutReportedAt: daysAgo(40),
      });
      const active = await makeLodging(ctx.db);
      await makeStay(ctx.db, active, { checkInAt: daysAgo(50) });
      await makeStay(ctx.db, active, { checkInAt: daysAgo(5) });
      const suspended = await makeLodging(ctx.db, { status: 'suspended' });
      await makeStay(ctx.db, suspended, { checkInAt: daysAgo(90) });
      const neverReported = await makeLodging(ctx.db);
      const browser = await as(await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' }));

      const page = await browser.get(`${kupang}/silent`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(silent.name);
      for (const other of [active, suspended, neverReported]) expect(page.body).not.toContain(other.name);
      // Silent for 41 days or more: the last report (a check-out reported 40 days ago) is too recent.
      expect((await browser.get(`${kupang}/silent?days=41`)).body).not.toContain(silent.name);
      expect((await browser.get(`${kupang}/silent?days=0`)).statusCode).toBe(422);
    });

    it('counts and lists late check-ins and missing check-outs of the unit', async () => {
      const hotel = await makeLodging(ctx.db, { districtCode: '53.71.02' });
      const other = await makeLodging(ctx.db, { districtCode: '53.07.01', unitCode: 'KANIM-MAUMERE' });
      const yesterday = addDays(witaDate(), -1);
      await makeStay(ctx.db, hotel, { late: true, checkInAt: daysAgo(2), reportedAt: daysAgo(1) });
      await makeStay(ctx.db, hotel, { expectedCheckOutOn: yesterday, checkInAt: daysAgo(4) });
      await makeStay(ctx.db, hotel, { expectedCheckOutOn: yesterday, checkInAt: daysAgo(4), checkOutAt: daysAgo(1) });
      await makeStay(ctx.db, hotel, { expectedCheckOutOn: addDays(witaDate(), 2) });
      await makeStay(ctx.db, other, { late: true, expectedCheckOutOn: yesterday, checkInAt: daysAgo(3) });
      const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
      const page = await (await as(officer)).get(`${kupang}/flags`);
      expect(page.statusCode).toBe(200);
      const [read] = await audits(officer.id, 'lodging.flagList');
      // Other tests of this file add Kupang stays too: compare with the counts the page printed.
      const { late, missing } = read!.details as { late: number; missing: number };
      expect(page.body).toContain(tId('lodgings.oversight.lateTitle', { n: late }));
      expect(page.body).toContain(tId('lodgings.oversight.missingTitle', { n: missing }));
      expect(late).toBeGreaterThanOrEqual(1);
      expect(missing).toBeGreaterThanOrEqual(1);
      expect(page.body).toContain(hotel.name);
      expect(page.body).not.toContain(other.name);
    });

    it('keeps grants on the partners page to the head of office', async () => {
      const oversight = await as(await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' }));
      expect((await oversight.get(`${kupang}/partners`)).statusCode).toBe(403);
      const before = await ctx.db.select().from(lodgingReadGrants);
      const refused = await oversight.post(
        `${kupang}/partners`,
        { email: 'x@test.sikoe.id', validUntil: addDays(witaDate(), 5) },
        kupang,
      );
      expect(refused.statusCode).toBe(403);
      expect(await ctx.db.select().from(lodgingReadGrants)).toHaveLength(before.length);
    });
  },
  {},
  { ownDatabase: true },
);
