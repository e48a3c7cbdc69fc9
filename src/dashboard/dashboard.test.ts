import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import type { Account } from '../platform/auth/schema.ts';
import { makeComplaint } from '../complaints/test-support.ts';
import { makeCrossingPoint } from '../crossing-points/test-support.ts';
import { makeDetainee, makeRefugee, officerCaller } from '../detention/test-support.ts';
import { apiTokenOf, guestJson, makeLodging } from '../lodgings/test-support.ts';
import { addDays, addMonths, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { refreshDays, REBUILT_DAYS } from '../platform/rollups/refresh-rollup.ts';
import { storedSince } from '../platform/rollups/sum-daily.ts';
import { makeStayPermit } from '../stay-permits/test-support.ts';
import { timporaOperations } from '../timpora/schema.ts';
import { makeOperation, makeTeam } from '../timpora/test-support.ts';
import {
  computeFigures,
  computeFiguresByUnit,
  dailySources,
  deferralsByReason,
  figureCodes,
  figureSources,
  passportsByType,
} from './figures.ts';
import { DashboardJson } from './inputs.ts';
import { changePercent, dashboardPeriod } from './view-dashboard.ts';

/** A printed passport for an application, issued on `issueDate` (counts only read type, unit, day and status). */
async function issue(
  db: Executor,
  application: { id: string; unitCode: string | null },
  issueDate: string,
  type: 'biasa' | 'elektronik' = 'elektronik',
  status = 'printed',
) {
  const number = `T${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  await db.execute(sql`insert into passports (number, application_id, type, unit_code, holder_name, nik, birth_date,
      sex, issue_date, expiry_date, mrz1, mrz2, status)
    values (${number}, ${application.id}, ${type}, ${application.unitCode}, 'UJI', '5300000000000000', '1990-01-01',
      'M', ${issueDate}, ${addMonths(issueDate, 120)}, 'P<IDN', '0000', ${status})`);
}

describeApp('dashboard', (ctx) => {
  const today = witaDate();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const lastYear = addMonths(today, -12);
  const freshOffice = async () => {
    const office = await makeUnit(ctx.db);
    const post = await makeUnit(ctx.db, { kind: 'pos', parentCode: office.code });
    return { office, post, q: { unitCodes: [office.code, post.code], from: yearStart, to: today, today } };
  };
  const browser = async (account: Account, lang?: 'en') => {
    const b = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
    return lang ? b.setCookie('lang=en') : b;
  };

  it('has a source for every figure, and each counts nothing for a unit with no records', async () => {
    expect(figureSources.map((s) => s.code).sort()).toEqual([...figureCodes].sort());
    const { q, post } = await freshOffice();
    const values = await computeFigures(ctx.db, q);
    for (const code of figureCodes) expect(values[code], code).toBe(code === 'ikm' ? null : 0);
    const byUnit = await computeFiguresByUnit(ctx.db, q);
    expect(byUnit.units.get(post.code)!.passports_issued).toBe(0);
    // A period that ended before today has no "as it stands today" figures.
    const past = await computeFigures(ctx.db, { ...q, from: addDays(lastYear, -30), to: lastYear });
    expect(past.passport_cases_overdue).toBeNull();
    expect(past.refugees).toBeNull();
    expect(past.passports_issued).toBe(0);
  });

  it('counts passports by type and unit, the service level against the SOP due date and open cases past it', async () => {
    const { office, post, q } = await freshOffice();
    const onTime = await makeApplication(ctx.db, { unitCode: office.code, status: 'printed', dueOn: today });
    const late = await makeApplication(ctx.db, { unitCode: office.code, status: 'printed', dueOn: addDays(today, -1) });
    const atPost = await makeApplication(ctx.db, { unitCode: post.code, status: 'printed', passportType: 'biasa' });
    const spoiled = await makeApplication(ctx.db, { unitCode: office.code, status: 'printed' });
    await issue(ctx.db, onTime, today);
    await issue(ctx.db, late, today);
    await issue(ctx.db, atPost, today, 'biasa');
    await issue(ctx.db, spoiled, today, 'elektronik', 'cancelled');
    await makeApplication(ctx.db, { unitCode: office.code, status: 'biometrics_captured', dueOn: addDays(today, -2) });
    await makeApplication(ctx.db, { unitCode: office.code, status: 'biometrics_captured', dueOn: today });
    await makeApplication(ctx.db, { unitCode: office.code, status: 'ready', dueOn: addDays(today, -5) });

    const values = await computeFigures(ctx.db, q);
    expect(values.passports_issued).toBe(3);
    expect(values.passports_issued_biasa).toBe(1);
    expect(values.passports_issued_elektronik).toBe(2);
    expect(values.passport_cases_completed).toBe(3);
    expect(values.passport_cases_on_time).toBe(1);
    expect(values.passport_cases_overdue).toBe(1);
    expect(await passportsByType(ctx.db, q)).toEqual([
      { type: 'biasa', count: 1 },
      { type: 'elektronik', count: 2 },
    ]);
    const byUnit = await computeFiguresByUnit(ctx.db, q);
    expect(byUnit.totals.passports_issued).toBe(3);
    expect(byUnit.units.get(office.code)!.passports_issued).toBe(2);
    expect(byUnit.units.get(post.code)!.passports_issued).toBe(1);
    // The post alone is its own scope.
    expect((await computeFigures(ctx.db, { ...q, unitCodes: [post.code] })).passports_issued).toBe(1);
  });

  it('counts the same from the daily counts kept ahead as from the records', async () => {
    const { office, q } = await freshOffice();
    const first = await makeApplication(ctx.db, { unitCode: office.code, status: 'printed', dueOn: today });
    const second = await makeApplication(ctx.db, { unitCode: office.code, status: 'printed', dueOn: today });
    await issue(ctx.db, first, today);
    await issue(ctx.db, second, addDays(today, -1), 'biasa');
    const now = new Date();
    for (const source of dailySources)
      await refreshDays(ctx.db, source, { from: addDays(today, -REBUILT_DAYS), to: today }, now, true);
    const kept = { ...q, maxAgeSeconds: 300 };
    for (const source of dailySources) expect(await storedSince(ctx.db, source, q, 300), source.name).not.toBeNull();
    const live = await computeFiguresByUnit(ctx.db, q);
    expect(live.totals.passports_issued).toBe(2);
    expect(await computeFiguresByUnit(ctx.db, kept)).toEqual(live);
    expect(await passportsByType(ctx.db, kept)).toEqual(await passportsByType(ctx.db, q));
  });

  it('counts deferrals by reason, complaints, IKM, crossings, Timpora meetings and PNBP of the scope', async () => {
    const { office, post, q } = await freshOffice();
    const deferred = await makeApplication(ctx.db, { unitCode: office.code, status: 'deferred' });
    for (const reasonCode of ['pmi_suspected', 'pmi_suspected', null])
      await ctx.db.execute(sql`insert into application_actions (application_id, type, payload)
        values (${deferred.id}, 'interview', ${JSON.stringify({ outcome: 'defer', ...(reasonCode ? { reasonCode } : {}) })}::jsonb)`);
    await ctx.db.execute(sql`insert into application_actions (application_id, type, payload)
      values (${deferred.id}, 'interview', '{"outcome": "approve"}'::jsonb)`);

    await makeComplaint(ctx.db, ctx.config, { unitCode: post.code });
    await makeComplaint(ctx.db, ctx.config, { unitCode: office.code });

    for (const u of [4, 3])
      await ctx.db
        .execute(sql`insert into survey_responses (unit_code, service, source, u1, u2, u3, u4, u5, u6, u7, u8, u9)
        values (${office.code}, 'passport', 'paper', ${u}, ${u}, ${u}, ${u}, ${u}, ${u}, ${u}, ${u}, ${u})`);

    const point = await makeCrossingPoint(ctx.db, { unitCode: post.code });
    await ctx.db
      .execute(sql`insert into crossing_daily_counts (day, point_code, direction, traveller_kind, document_kind, count)
      values (${today}, ${point.code}, 'departure', 'citizen', 'passport', 5), (${yearStart}, ${point.code}, 'arrival', 'citizen', 'passport', 2)`);

    const team = await makeTeam(ctx.db, { unitCode: office.code });
    await ctx.db.execute(sql`insert into timpora_meetings (team_id, held_on, place, agenda)
      values (${team.id}, ${today}, 'Aula', 'Koordinasi'), (${team.id}, ${lastYear}, 'Aula', 'Koordinasi')`);

    const billed = await makeApplication(ctx.db, { unitCode: office.code });
    await ctx.db.execute(sql`insert into billings (code, purpose, application_id, amount, expires_at, paid_at)
      values (${`8${Date.now()}`.slice(0, 15)}, 'appointment', ${billed.id}, 350000, now() + interval '2 hours', now()),
        (${`9${Date.now()}`.slice(0, 15)}, 'appointment', ${billed.id}, 650000, now() + interval '2 hours', null)`);

    const values = await computeFigures(ctx.db, q);
    expect(values.deferrals).toBe(3);
    expect(await deferralsByReason(ctx.db, q)).toEqual([
      { reasonCode: 'pmi_suspected', count: 2 },
      { reasonCode: 'unrecorded', count: 1 },
    ]);
    expect(values.complaints_received).toBe(2);
    expect(values.complaints_overdue).toBe(0);
    expect(values.ikm_respondents).toBe(2);
    expect(values.ikm).toBe(87.5);
    expect(values.crossings).toBe(7);
    expect(values.timpora_meetings).toBe(1);
    expect(values.pnbp_billed).toBe(1_000_000);
    expect(values.pnbp_paid).toBe(350_000);
    // A complaint left unverified past its deadline is overdue today.
    const monthAgo = addDays(today, -30);
    await makeComplaint(ctx.db, ctx.config, { unitCode: office.code }, witaInstant(monthAgo, '10:00'));
    const since = await computeFigures(ctx.db, { ...q, from: addDays(today, -60) });
    expect(since.complaints_received).toBe(3);
    expect(since.complaints_overdue).toBe(1);
    const byUnit = await computeFiguresByUnit(ctx.db, q);
    expect(byUnit.units.get(post.code)!.crossings).toBe(7);
    expect(byUnit.units.get(office.code)!.crossings).toBe(0);
    expect(byUnit.units.get(office.code)!.ikm).toBe(87.5);
    expect(byUnit.units.get(post.code)!.ikm).toBeNull();
    expect(byUnit.totals.ikm).toBe(87.5);
  });

  it('counts stay permits, Timpora operations, detainees held at the period’s end and refugees today', async () => {
    const { office, q } = await freshOffice();
    await makeStayPermit(ctx.db, { unitCode: office.code, validFrom: today });
    await makeStayPermit(ctx.db, { unitCode: office.code, validFrom: today, status: 'cancelled' });
    const operation = await makeOperation(ctx.db, [await makeTeam(ctx.db, { unitCode: office.code })]);
    await ctx.db
      .update(timporaOperations)
      .set({ startsOn: today, endsOn: today })
      .where(eq(timporaOperations.id, operation.id));
    await makeOperation(ctx.db, [await makeTeam(ctx.db, { unitCode: office.code })], 'recommendation');

    const rudenim = (await makeUnit(ctx.db, { kind: 'rudenim', services: ['detention'] })).code;
    const keeper = await officerCaller(ctx.db, 'oversight_officer', rudenim);
    for (const placedOn of [yearStart, today])
      await makeDetainee(ctx.db, keeper, {
        unitCode: rudenim,
        authorityUnitCode: rudenim,
        placedOn,
        decisionDate: placedOn,
        handedOn: placedOn,
      });
    await makeRefugee(ctx.db, keeper, { unitCode: rudenim });

    const values = await computeFigures(ctx.db, q);
    expect(values.stay_permits_processed).toBe(1);
    expect(values.timpora_operations).toBe(1);
    const detention = await computeFigures(ctx.db, { ...q, unitCodes: [rudenim] });
    expect(detention.detainees).toBe(2);
    expect(detention.refugees).toBe(1);
    // Held at the end of the period's last day: the one placed today is not there yet on an earlier day.
    if (yearStart < today)
      expect((await computeFigures(ctx.db, { ...q, unitCodes: [rudenim], to: yearStart })).detainees).toBe(1);
  });

  it('counts the lodging reports of the scope’s lodgings', async () => {
    const { office, q } = await freshOffice();
    const { lodging, manager } = await makeLodging(ctx.db, { unitCode: office.code });
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/lodgings/${lodging.id}/guests`,
      headers: { authorization: `Bearer ${await apiTokenOf(ctx.db, manager)}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ guests: [guestJson(), guestJson()] }),
    });
    expect(res.json()).toMatchObject({ accepted: 2 });
    const values = await computeFigures(ctx.db, { ...q, from: addDays(today, -1) });
    expect(values.lodging_reports).toBe(2);
    expect(values.lodging_reports_late).toBe(0);
  });

  it('counts Eazy Paspor sessions held with their participants, and si Koe Peduli visits made', async () => {
    const { office, post, q } = await freshOffice();
    const village = '53.71.03.1001';
    const session = async (status: string, date: string) => {
      const id = crypto.randomUUID();
      await ctx.db.execute(sql`insert into outreach_sessions (id, tracking_code, unit_code, status, organiser_kind,
          organiser_name, contact_name, contact_phone, venue, village_code, preferred_dates, expected_participants, date)
        values (${id}, ${`EP-${id.slice(0, 8)}`}, ${post.code}, ${status}, 'village', 'Desa Uji', 'Kepala Desa',
          '081200000000', 'Balai Desa', ${village}, '[]'::jsonb, 30, ${date})`);
      return id;
    };
    const held = await session('held', today);
    await session('approved', today);
    for (const nik of ['5371000000000001', '5371000000000002'])
      await ctx.db.execute(sql`insert into session_participants (session_id, full_name, nik, source)
        values (${held}, 'Peserta', ${nik}, 'list')`);
    const visit = async (status: string, visitDate: string | null) => {
      const requester = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: office.code });
      await ctx.db.execute(sql`insert into home_visits (tracking_code, unit_code, status, requester_account_id,
          requester_relation, applicant_name, applicant_nik, applicant_birth_date, reason, place_kind, address,
          village_code, preferred_dates, answer_due_on, visit_date)
        values (${`KP-${crypto.randomUUID().slice(0, 8)}`}, ${office.code}, ${status}, ${requester.id}, 'self',
          'Pemohon', '5371000000000003', '1950-01-01', 'elderly', 'home', 'Jl. Uji', ${village}, '[]'::jsonb,
          ${today}, ${visitDate})`);
    };
    await visit('visited', today);
    await visit('scheduled', today);
    const values = await computeFigures(ctx.db, q);
    expect(values.eazy_paspor_sessions).toBe(1);
    expect(values.eazy_paspor_applicants).toBe(2);
    expect(values.peduli_visits).toBe(1);
  });

  it('counts overstays once however many periods, permit applications past due today and their PNBP', async () => {
    const { office, q } = await freshOffice();
    const started = addDays(today, -1);
    const permitId = crypto.randomUUID();
    const foreignerId = crypto.randomUUID();
    const overstay = async (status: string, firstDay: string) =>
      ctx.db.execute(sql`insert into overstays (permit_id, foreigner_id, unit_code, entry_date, started_on, first_day,
          last_day, days, daily_rate, amount, status)
        values (${permitId}, ${foreignerId}, ${office.code}, ${yearStart}, ${started}, ${firstDay}, ${firstDay}, 1,
          1000000, 1000000, ${status})`);
    await overstay('paid', started);
    await overstay('open', today);
    await ctx.db.execute(sql`insert into overstays (permit_id, foreigner_id, unit_code, entry_date, started_on,
        first_day, last_day, days, daily_rate, amount, status)
      values (${crypto.randomUUID()}, ${foreignerId}, ${office.code}, ${yearStart}, ${today}, ${today}, ${today}, 1,
        1000000, 1000000, 'cancelled')`);

    const application = async (status: string, dueOn: string) => {
      const id = crypto.randomUUID();
      await ctx.db.execute(sql`insert into permit_applications (id, service, permit_id, foreigner_id, unit_code,
          applicant_account_id, applicant_role, status, rule_id, filed_on, permit_until, fee_amount, due_on)
        values (${id}, 'itk_extension', ${crypto.randomUUID()}, ${foreignerId}, ${office.code}, ${crypto.randomUUID()},
          'foreigner', ${status}, ${crypto.randomUUID()}, ${yearStart}, ${today}, 500000, ${dueOn})`);
      return id;
    };
    const late = await application('verified', addDays(today, -1));
    await application('paid', today);
    await application('approved', addDays(today, -3));
    await ctx.db.execute(sql`insert into billings (code, purpose, subject_id, amount, expires_at, paid_at)
      values (${`7${Date.now()}`.slice(0, 15)}, 'stay_permit_service', ${late}, 500000, now() + interval '1 day', now())`);

    const values = await computeFigures(ctx.db, { ...q, from: addDays(today, -5) });
    expect(values.overstays).toBe(1);
    expect(values.stay_permit_applications_overdue).toBe(1);
    expect(values.pnbp_billed).toBe(500_000);
    expect(values.pnbp_paid).toBe(500_000);
  });

  it('completes and checks the period, and computes the change against last year', () => {
    expect(dashboardPeriod({}, '2026-05-10')).toEqual({ from: '2026-01-01', to: '2026-05-10' });
    expect(dashboardPeriod({ to: '2025-03-31' }, '2026-05-10')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(dashboardPeriod({ from: '2026-04-01' }, '2026-05-10')).toEqual({ from: '2026-04-01', to: '2026-05-10' });
    expect(() => dashboardPeriod({ from: '2026-06-01' }, '2026-05-10')).not.toThrow();
    // A lone `from` years back is as long a period as both dates would be, and refused alike.
    expect(() => dashboardPeriod({ from: '1990-01-01' }, '2026-05-10')).toThrow(
      expect.objectContaining({ code: 'validation_failed', fields: { from: 'dashboard.v.period' } }),
    );
    expect(dashboardPeriod({ from: '2024-05-10' }, '2026-05-10')).toEqual({ from: '2024-05-10', to: '2026-05-10' });
    expect(changePercent(15, 10)).toBe(50);
    expect(changePercent(5, 10)).toBe(-50);
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(null, 3)).toBeNull();
  });

  it('shows the head of office their office and its posts, with last year beside this year, in both languages', async () => {
    const { office, post } = await freshOffice();
    const application = await makeApplication(ctx.db, { unitCode: post.code, status: 'printed' });
    await issue(ctx.db, application, today);
    const before = await makeApplication(ctx.db, { unitCode: office.code, status: 'printed' });
    await issue(ctx.db, before, lastYear);
    await issue(ctx.db, await makeApplication(ctx.db, { unitCode: office.code, status: 'printed' }), lastYear);

    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: office.code });
    const id = await browser(head);
    const page = await id.get('/officer/dashboard');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Dasbor kinerja');
    expect(page.body).toContain(office.name);
    expect(page.body).toContain(post.name);
    expect(page.body).toContain('turun 50 %');
    expect(page.body).toContain('<svg');
    expect(page.body).toContain(`/officer/complaints?unit=${office.code}`);
    // The Kanwil's admin sees the same figures, without links to lists only the office's head may open.
    const kanwilAdmin = await browser(await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' }));
    const asKanwil = await kanwilAdmin.get(`/officer/dashboard?unit=${office.code}`);
    expect(asKanwil.statusCode).toBe(200);
    expect(asKanwil.body).toContain(office.name);
    expect(asKanwil.body).not.toContain('/officer/complaints?unit=');
    const en = await (await browser(head, 'en')).get(`/officer/dashboard?unit=${post.code}`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('Performance dashboard');
    expect(en.body).toContain('Passports issued');

    const home = await id.get('/officer');
    expect(home.body).toContain('href="/officer/dashboard"');
    const counter = await browser(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: office.code }));
    expect((await counter.get('/officer')).body).not.toContain('href="/officer/dashboard"');
    expect((await counter.get('/officer/dashboard')).statusCode).toBe(403);
  });

  it('answers the API with the figures, both periods, each unit and the breakdowns', async () => {
    const { office, post } = await freshOffice();
    await issue(ctx.db, await makeApplication(ctx.db, { unitCode: post.code, status: 'printed' }), today, 'biasa');
    const auditor = await makeOfficer(ctx.db, { role: 'auditor', unitCode: office.code });
    const res = await ctx.app.inject({
      url: `/api/v1/dashboard?from=${yearStart}&to=${today}`,
      headers: { authorization: `Bearer ${await apiTokenOf(ctx.db, auditor)}` },
    });
    expect(res.statusCode).toBe(200);
    const body = DashboardJson.parse(res.json());
    expect(body.unit.code).toBe(office.code);
    expect(body.previousFrom).toBe(addMonths(yearStart, -12));
    expect(body.figures.map((f) => f.code)).toEqual([...figureCodes]);
    expect(body.figures.find((f) => f.code === 'passports_issued')).toEqual({
      code: 'passports_issued',
      current: 1,
      previous: 0,
      changePercent: null,
    });
    expect(body.units.map((u) => u.unitCode)).toEqual([office.code, post.code]);
    expect(body.units[1]!.figures.passports_issued_biasa).toBe(1);
    expect(body.breakdowns.passportsByType).toEqual([{ type: 'biasa', current: 1, previous: 0 }]);
  });

  it('keeps each viewer to their scope: an office to itself and its posts, the Kanwil to the region', async () => {
    const { office, post } = await freshOffice();
    const other = await makeUnit(ctx.db);
    const head = await browser(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: office.code }));
    expect((await head.get(`/officer/dashboard?unit=${post.code}`)).statusCode).toBe(200);
    expect((await head.get(`/officer/dashboard?unit=${other.code}`)).statusCode).toBe(403);
    expect((await head.get('/officer/dashboard?unit=KANWIL-NTT')).statusCode).toBe(403);
    const postHead = await browser(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: post.code }));
    expect((await postHead.get(`/officer/dashboard?unit=${office.code}`)).statusCode).toBe(403);

    const kanwil = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
    const regional = await browser(kanwil);
    const region = await regional.get(`/officer/dashboard?from=${today}&to=${today}`);
    expect(region.statusCode).toBe(200);
    expect(region.body).toContain(office.name);
    expect((await regional.get(`/officer/dashboard?unit=${office.code}`)).statusCode).toBe(200);
    const api = await ctx.app.inject({
      url: `/api/v1/dashboard?unit=${other.code}`,
      headers: {
        authorization: `Bearer ${await apiTokenOf(ctx.db, await makeOfficer(ctx.db, { role: 'auditor', unitCode: office.code }))}`,
      },
    });
    expect(api.statusCode).toBe(403);
  });

  it('refuses a period that is backwards, too long or not a date, in the reader’s language, counting nothing', async () => {
    const { office } = await freshOffice();
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: office.code });
    const id = await browser(head);
    const backwards = await id.get('/officer/dashboard?from=2026-03-01&to=2026-02-01');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.body).toContain('Tanggal akhir harus sama dengan atau sesudah tanggal awal');
    expect(backwards.body).not.toContain('id="figure-passports_issued"');
    const tooLong = await (await browser(head, 'en')).get('/officer/dashboard?from=2020-01-01&to=2026-01-01');
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('at most 2 years after it');
    const notADate = await id.get('/officer/dashboard?from=2026-02-31');
    expect(notADate.statusCode).toBe(422);
    const counter = await browser(await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: office.code }));
    expect((await counter.get('/officer/dashboard?from=x')).statusCode).toBe(403);
  });
});
