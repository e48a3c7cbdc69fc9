// The data of `npm run bench:stats`: a national year of passport applications and the records that go with them in
// proportion, written set-based (generate_series) straight into the tables, as no use case could write millions of
// rows in minutes. Values are spread deterministically over the units that serve the public and the last 365 days.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/platform/db/index.ts';

/** Records per passport application, from the national yearly volumes (docs/scaling.md gives the sources). */
export const proportions = {
  /** Three history entries per application: submitted, interview, hand-over. */
  actionsPerApplication: 3,
  /** Lodging reports: foreigners' nights reported by hotels are about as many as passports applied for. */
  staysPerApplication: 1,
  crossingsPerApplication: 0.2,
  complaintsPerApplication: 1 / 200,
  surveyResponsesPerApplication: 1 / 20,
  stayPermitsPerApplication: 1 / 10,
  permitApplicationsPerApplication: 1 / 20,
};

const OFFICES = ['KANIM-KUPANG', 'KANIM-ATAMBUA', 'KANIM-MAUMERE', 'KANIM-LABUAN-BAJO'];
const SERVING = [...OFFICES, 'POS-BAJAWA', 'POS-ENDE', 'POS-KEFAMENANU', 'POS-ROTE-NDAO', 'POS-RUTENG'];
const units = sql.raw(`array[${SERVING.map((u) => `'${u}'`).join(',')}]`);
const offices = sql.raw(`array[${OFFICES.map((u) => `'${u}'`).join(',')}]`);
/** A day of the last 365 for row `i`, spread so that every day has rows. */
const dayOf = (i: string) => sql.raw(`(current_date - ((${i}::bigint * 7919) % 365)::int)`);

async function count(db: Db, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? 0;
}

type Step = { table: string; rows: number; fill: (from: number, to: number) => PromiseLike<unknown> };

/**
 * Fills the bench database up to `applications` applications and their proportional records, adding only what is
 * missing (a database filled for 1,000,000 grows to 5,000,000). Returns seconds spent per table.
 */
export async function fillStats(db: Db, applications: number): Promise<Record<string, number>> {
  const n = applications;
  const p = proportions;
  const steps: Step[] = [
    {
      table: 'applications',
      rows: n,
      fill: (from, to) =>
        db.execute(sql`
          insert into applications (id, account_id, tracking_code, status, unit_code, nik, full_name, birth_place,
            birth_date, sex, address, village_code, kind, passport_type, validity_years, speed, purpose, fee_total,
            created_at, submitted_at, status_at, due_on)
          select md5('app' || i)::uuid, md5('acc' || (i % 3000000))::uuid, 'BS' || i,
            case when i % 100 < 91 then 'handed_over' when i % 100 < 93 then 'deferred' when i % 100 < 94 then 'rejected'
              when i % 100 < 95 then 'ready' when i % 100 < 96 then 'biometrics_captured' when i % 100 < 97 then 'booked'
              when i % 100 < 98 then 'checked_in' else 'interviewed' end,
            (${units})[1 + i % ${SERVING.length}], lpad((5300000000000000 + i)::text, 16, '0'), 'Bench ' || i, 'Kupang',
            date '1990-01-01' + (i % 9000)::int, case when i % 2 = 0 then 'M' else 'F' end, 'Jl. Bench ' || i,
            '53.71.01.1001', 'new', case when i % 3 = 0 then 'biasa' else 'elektronik' end, 10,
            case when i % 20 = 0 then 'percepatan' else 'reguler' end, 'tourism', 650000,
            d.day::timestamptz, d.day::timestamptz + interval '9 hours', d.day::timestamptz + interval '5 days',
            d.day + 6
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
    {
      table: 'application_actions',
      rows: n * p.actionsPerApplication,
      fill: (from, to) =>
        db.execute(sql`
          insert into application_actions (application_id, type, at, payload)
          select md5('app' || a)::uuid, x.type, d.day::timestamptz + x.after, x.payload
          from generate_series(${from}::bigint, ${to}::bigint) j
          cross join lateral (select (j - 1) / 3 + 1 as a, (j - 1) % 3 as k) s
          cross join lateral (select ${dayOf('s.a')} as day) d
          cross join lateral (select
            case s.k when 0 then 'submitted' when 1 then 'interview' else 'hand_over' end as type,
            case s.k when 0 then interval '9 hours' when 1 then interval '1 day 10 hours' else interval '5 days 11 hours' end
              as after,
            case when s.k = 1 and s.a % 100 between 91 and 92
              then jsonb_build_object('outcome', 'defer', 'reasonCode',
                (array['pmi_non_procedural','no_work_recommendation','purpose_unclear'])[1 + s.a % 3])
              when s.k = 1 then '{"outcome":"pass"}'::jsonb else '{}'::jsonb end as payload) x`),
    },
    {
      table: 'passports',
      rows: Math.floor(n * 0.92),
      fill: (from, to) =>
        db.execute(sql`
          insert into passports (number, application_id, type, unit_code, holder_name, nik, birth_date, sex,
            issue_date, expiry_date, mrz1, mrz2, status, printed_at, ready_at, handed_over_at)
          select 'X' || lpad(i::text, 9, '0'), md5('app' || i)::uuid,
            case when i % 3 = 0 then 'biasa' else 'elektronik' end, (${units})[1 + i % ${SERVING.length}],
            'Bench ' || i, lpad((5300000000000000 + i)::text, 16, '0'), date '1990-01-01' + (i % 9000)::int,
            case when i % 2 = 0 then 'M' else 'F' end, d.day + 4, d.day + 4 + 3652, 'P<IDN', 'X',
            case when i % 500 = 0 then 'cancelled' else 'handed_over' end, d.day + 4, d.day + 4, d.day + 5
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
    {
      table: 'appointments',
      rows: n,
      fill: (from, to) =>
        db.execute(sql`
          insert into appointments (id, application_id, unit_code, date, channel, nik, state, created_at, ended_at)
          select md5('apt' || i)::uuid, md5('app' || i)::uuid, (${units})[1 + i % ${SERVING.length}], d.day,
            'reguler', lpad((5300000000000000 + i)::text, 16, '0'), 'attended', d.day::timestamptz - interval '7 days',
            d.day::timestamptz + interval '10 hours'
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
    {
      table: 'billings',
      rows: n,
      fill: (from, to) =>
        db.execute(sql`
          insert into billings (code, appointment_id, application_id, amount, expires_at, paid_at, created_at, purpose,
            subject_id)
          select 'B' || lpad(i::text, 14, '0'), md5('apt' || i)::uuid, md5('app' || i)::uuid,
            case when i % 3 = 0 then 350000 else 650000 end, d.day::timestamptz + interval '2 days',
            case when i % 50 = 0 then null else d.day::timestamptz + interval '1 day' end,
            d.day::timestamptz - interval '7 days', 'appointment', md5('apt' || i)::uuid
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
    {
      table: 'lodgings',
      rows: 2_000,
      fill: (from, to) =>
        db.execute(sql`
          insert into lodgings (name, kind, address, village_code, district_code, regency_code, unit_code,
            person_in_charge, phone, email, status)
          select 'Bench lodging ' || i, 'homestay', 'Jl. Bench ' || i, d.code || '.1001', d.code, d.regency_code,
            coalesce(ur.unit_code, 'KANIM-KUPANG'), 'Bench', '0800', 'bench' || i || '@bench.sikoe.id', 'verified'
          from generate_series(${from}::bigint, ${to}::bigint) i
          join lateral (select code, regency_code from districts where regency_code like '53.%'
            order by code offset (i * 7919) % (select count(*) from districts where regency_code like '53.%') limit 1)
            d on true
          left join unit_regencies ur on ur.regency_code = d.regency_code`),
    },
    {
      table: 'stays',
      rows: n * p.staysPerApplication,
      fill: (from, to) =>
        db.execute(sql`
          with l as (select id, unit_code, regency_code, district_code, row_number() over (order by id) - 1 as k
            from lodgings)
          insert into stays (lodging_id, client_id, foreigner_id, document_number, check_in_at, expected_check_out_on,
            check_out_at, purpose, channel, reported_by, reported_at, late, receipt_number, unit_code, regency_code,
            district_code)
          select l.id, 'b' || i, md5('fgn' || (i % 1000000))::uuid, 'B' || i, d.day::timestamptz + interval '14 hours',
            d.day + 3, case when i % 33 = 0 then null else d.day::timestamptz + interval '3 days' end, 'tourism', 'api',
            '00000000-0000-0000-0000-000000000000',
            d.day::timestamptz + case when i % 25 = 0 then interval '2 days' else interval '15 hours' end, i % 25 = 0,
            'BENCH-' || i, l.unit_code, l.regency_code, l.district_code
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d
          join l on l.k = i % 2000`),
    },
    {
      table: 'crossings',
      rows: Math.floor(n * p.crossingsPerApplication),
      fill: (from, to) =>
        db.execute(sql`
          insert into crossings (point_code, unit_code, direction, traveller_kind, document_kind, document_number,
            nationality, full_name, crossed_on, verdict, reasons, ban_entry_ids, status, recorded_by, recorded_at)
          select (array['MOTAAIN','MOTAMASIN','WINI','NAPAN'])[1 + i % 4],
            (array['PLBN-MOTAAIN','PLBN-MOTAMASIN','PLBN-WINI','PLBN-NAPAN'])[1 + i % 4],
            case when i % 2 = 0 then 'in' else 'out' end, case when i % 3 = 0 then 'foreigner' else 'citizen' end,
            case when i % 3 = 1 then 'plb' else 'passport' end, 'C' || i, case when i % 3 = 0 then 'TLS' else 'IDN' end,
            'Bench ' || i, d.day, 'green', '[]'::jsonb, '[]'::jsonb, 'crossed',
            '00000000-0000-0000-0000-000000000000', d.day::timestamptz + interval '10 hours'
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
    {
      table: 'complaints',
      rows: Math.floor(n * p.complaintsPerApplication),
      fill: (from, to) =>
        db.execute(sql`
          insert into complaints (tracking_code, secret_hash, channel, type, category, unit_code, description, status,
            verify_due_on, answer_due_on, first_answered_at, closed_at, received_at)
          select 'PB' || i, 'x', 'web', 'complaint', 'service', (${units})[1 + i % ${SERVING.length}], 'Bench',
            case when i % 10 = 0 then 'received' else 'closed' end, d.day + 3, d.day + 14,
            case when i % 10 = 0 then null else d.day::timestamptz + interval '2 days' end,
            case when i % 10 = 0 then null else d.day::timestamptz + interval '6 days' end, d.day::timestamptz
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
    {
      table: 'survey_responses',
      rows: Math.floor(n * p.surveyResponsesPerApplication),
      fill: (from, to) =>
        db.execute(sql`
          insert into survey_responses (unit_code, service, source, u1, u2, u3, u4, u5, u6, u7, u8, u9, answered_at)
          select (${units})[1 + i % ${SERVING.length}], 'passport', 'link', 3 + i % 2, 4, 3, 4, 3 + i % 2, 4, 4, 3, 4,
            d.day::timestamptz + interval '12 hours'
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
    {
      table: 'stay_permits',
      rows: Math.floor(n * p.stayPermitsPerApplication),
      fill: (from, to) =>
        db.execute(sql`
          insert into stay_permits (id, foreigner_id, type, entry_basis, permit_number, entry_date, valid_from,
            valid_until, unit_code, status, created_at)
          select md5('prm' || i)::uuid, md5('fgn' || (i % 1000000))::uuid,
            (array['itk','itas','itap'])[1 + i % 3], 'visa', 'P' || i, d.day - 10, d.day,
            d.day + case when i % 3 = 0 then 30 else 365 end, (${offices})[1 + i % ${OFFICES.length}],
            case when i % 3 = 0 and d.day + 30 < current_date then 'ended' else 'active' end, d.day::timestamptz
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
    {
      table: 'permit_applications',
      rows: Math.floor(n * p.permitApplicationsPerApplication),
      fill: (from, to) =>
        db.execute(sql`
          insert into permit_applications (service, permit_id, foreigner_id, unit_code, applicant_account_id,
            applicant_role, status, rule_id, filed_on, permit_until, fee_amount, due_on, paid_on)
          select 'extension', md5('prm' || i)::uuid, md5('fgn' || (i % 1000000))::uuid,
            (${offices})[1 + i % ${OFFICES.length}], md5('acc' || i)::uuid, 'holder',
            case when i % 20 = 0 then 'verified' else 'granted' end, md5('rule')::uuid, d.day, d.day + 30, 2000000,
            d.day + 7, d.day + 1
          from generate_series(${from}::bigint, ${to}::bigint) i
          cross join lateral (select ${dayOf('i')} as day) d`),
    },
  ];
  const seconds: Record<string, number> = {};
  for (const step of steps) {
    const have = await count(db, step.table);
    if (have >= step.rows) continue;
    const t0 = performance.now();
    // Batches of a million keep each statement's memory and WAL bounded.
    for (let from = have + 1; from <= step.rows; from += 1_000_000)
      await step.fill(from, Math.min(step.rows, from + 999_999));
    seconds[step.table] = (performance.now() - t0) / 1000;
  }
  await db.execute(sql`
    insert into crossing_daily_counts (day, point_code, direction, traveller_kind, document_kind, count)
    select crossed_on, point_code, direction, traveller_kind, document_kind, count(*)::int from crossings
    group by 1, 2, 3, 4, 5
    on conflict (day, point_code, direction, traveller_kind, document_kind) do update set count = excluded.count`);
  if (Object.keys(seconds).length) await db.execute(sql`vacuum analyze`);
  return seconds;
}
