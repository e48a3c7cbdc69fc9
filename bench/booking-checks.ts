// What the booking benchmarks check in the database after their load (bench/booking.ts, bench/failover.ts).
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../src/platform/calendar/wita.ts';
import { queryRows, type Db } from '../src/platform/db/index.ts';

export type Check = { name: string; ok: boolean; detail: string };

/** The day's places, its counter and the one-live-appointment-per-NIK rule; with the 201s counted, that they all are there. */
export async function verifyBookings(
  db: Db,
  unitCode: string,
  date: IsoDate,
  capacity: number,
  bookedOverHttp: number | null,
): Promise<Check[]> {
  const [live] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from appointments where unit_code = ${unitCode} and date = ${date} and state in ('booked', 'paid')`,
  );
  const [counter] = await queryRows<{ booked: number; capacity: number }>(
    db,
    sql`select booked, capacity from day_quotas where unit_code = ${unitCode} and date = ${date} and channel = 'online'`,
  );
  const doubles = await queryRows<{ nik: string; n: number }>(
    db,
    sql`select nik, count(*)::int as n from appointments where state in ('booked', 'paid') group by nik having count(*) > 1 limit 5`,
  );
  const n = live!.n;
  const checks: Check[] = [
    { name: 'live appointments ≤ capacity', ok: n <= capacity, detail: `${n} ≤ ${capacity}` },
    {
      name: 'day counter matches appointments',
      ok: counter?.booked === n && counter.booked <= counter.capacity,
      detail: `counter ${counter?.booked}/${counter?.capacity}, appointments ${n}`,
    },
    {
      name: 'no NIK with two live appointments (whole database)',
      ok: doubles.length === 0,
      detail: doubles.length === 0 ? 'none' : doubles.map((d) => `${d.nik}×${d.n}`).join(', '),
    },
  ];
  if (bookedOverHttp !== null)
    checks.push({
      name: 'HTTP 201s = appointments in the database',
      ok: bookedOverHttp === n,
      detail: `${bookedOverHttp} = ${n}`,
    });
  return checks;
}

/** Each application whose booking was answered 201 has exactly one appointment (of any state) on the day. */
export async function verifyBookedOnce(db: Db, date: IsoDate, applicationIds: string[]): Promise<Check> {
  const rows = await queryRows<{ n: number; missing: number; doubled: number }>(
    db,
    sql`select count(*)::int as n, count(*) filter (where a.n is null)::int as missing,
          count(*) filter (where a.n > 1)::int as doubled
        from json_array_elements_text(${JSON.stringify(applicationIds)}::json) as booked(id)
        left join (select application_id, count(*)::int as n from appointments where date = ${date} group by 1) a
          on a.application_id = booked.id::uuid`,
  );
  const { n, missing, doubled } = rows[0]!;
  return {
    name: 'every booking answered 201 is in the database exactly once',
    ok: n === applicationIds.length && missing === 0 && doubled === 0,
    detail: `${n} answered 201: ${missing} missing, ${doubled} more than once`,
  };
}
