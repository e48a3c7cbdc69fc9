import { sql } from 'drizzle-orm';
import { holidayClosesSql } from '../holidays/closed-days.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { isWeekend, type IsoDate } from '../platform/calendar/wita.ts';
import { preparedRows, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { unitServesSql } from '../units/list-units.ts';
import { REMIND_JOB, reminderAt } from './billing-reminder.ts';
import { bookingWindow, type WindowRules } from './booking-window.ts';
import { plannedCapacitySql, stockedSql } from './capacity.ts';
import { placeAppointment } from './place-appointment.ts';
import { signAppointmentQr } from './qr.ts';
import type { PassportChannel } from './schema.ts';

export const EXPIRE_JOB = 'appointment.expire';

export type BookingRules = WindowRules & { billingValidMinutes: number };
export type Booked = {
  appointment: { id: string; date: IsoDate; unitCode: string; qr: string };
  billing: { code: string; amount: number; expiresAt: Date };
  /** False when the same request came again and the existing booking is returned. */
  created: boolean;
};

/** Everything a booking decision needs, read in one query: the application, its live booking, the day. */
type Situation = {
  status: string;
  unitCode: string | null;
  nik: string | null;
  passportType: string | null;
  feeTotal: number | null;
  channel: PassportChannel;
  liveId: string | null;
  liveDate: IsoDate | null;
  liveUnitCode: string | null;
  liveNik: string | null;
  billingCode: string | null;
  billingAmount: number | null;
  billingExpiresMs: number | null;
  holiday: boolean;
  serving: boolean;
  stocked: boolean;
  nikBooked: boolean;
  /** Whether the day's counter exists yet; if not, capacity is the override's or the template's. */
  counted: boolean;
  capacity: number;
  booked: number;
};

async function readSituation(
  tx: Tx,
  applicationId: string,
  date: IsoDate,
  channel: PassportChannel | null,
): Promise<Situation | undefined> {
  const [row] = await preparedRows<Situation>(
    tx,
    'booking_situation',
    sql`
      select a.status, a.unit_code as "unitCode", a.nik, a.passport_type as "passportType", a.fee_total as "feeTotal", c.channel,
        live.id as "liveId", live.date as "liveDate", live.unit_code as "liveUnitCode", live.nik as "liveNik",
        live.code as "billingCode", live.amount as "billingAmount", live.expires_ms as "billingExpiresMs",
        ${holidayClosesSql(sql`a.unit_code`, date)} as holiday,
        ${unitServesSql(sql`a.unit_code`)} as serving,
        ${stockedSql(sql`a.unit_code`, sql`a.passport_type`)} as stocked,
        exists (select 1 from appointments o where o.nik = a.nik and o.state in ('booked', 'paid')) as "nikBooked",
        q.capacity is not null as counted,
        coalesce(q.capacity, ${plannedCapacitySql(sql`a.unit_code`, date, sql`c.channel`)})::int as capacity,
        coalesce(q.booked, 0)::int as booked
      from applications a
      cross join lateral (select coalesce(${channel}::text, case when a.speed = 'percepatan' then 'percepatan' else 'online' end) as channel) c
      left join lateral (
        select p.id, p.date::text as date, p.unit_code, p.nik, b.code, b.amount, (extract(epoch from b.expires_at) * 1000)::float8 as expires_ms
        from appointments p join billings b on b.appointment_id = p.id
        where p.application_id = a.id and p.state in ('booked', 'paid')
        order by b.created_at desc limit 1
      ) live on true
      left join day_quotas q on q.unit_code = a.unit_code and q.date = ${date}::date and q.channel = c.channel
      where a.id = ${applicationId}`,
  );
  return row;
}

type Decision =
  | { kind: 'existing'; booked: Booked }
  | { kind: 'book'; unitCode: string; nik: string; feeTotal: number; channel: PassportChannel; counted: boolean };

/** The booking rules, in the order their refusals take precedence. Throws the refusal. */
function decide(s: Situation | undefined, date: IsoDate, rules: BookingRules, qrSecret: string, now: Date): Decision {
  if (!s) throw new AppError('not_found');
  if (s.liveId) {
    if (s.liveDate !== date) throw new AppError('already_booked');
    const appointment = { id: s.liveId, date, unitCode: s.liveUnitCode!, nik: s.liveNik! };
    return {
      kind: 'existing',
      booked: {
        appointment: {
          id: s.liveId,
          date,
          unitCode: appointment.unitCode,
          qr: signAppointmentQr(qrSecret, appointment),
        },
        billing: { code: s.billingCode!, amount: s.billingAmount!, expiresAt: new Date(s.billingExpiresMs!) },
        created: false,
      },
    };
  }
  if (s.status !== 'submitted' || !s.unitCode || !s.nik || !s.passportType || s.feeTotal === null)
    throw new AppError('invalid_transition');
  const window = bookingWindow(now, rules);
  if (date < window.from || date > window.to)
    throw new AppError('date_outside_window', { date: 'v.dateOutsideWindow' }, window);
  if (isWeekend(date) || s.holiday || !s.serving || !s.stocked) throw new AppError('date_closed');
  if (s.nikBooked) throw new AppError('already_booked');
  if (s.booked >= s.capacity) throw new AppError('quota_full');
  return {
    kind: 'book',
    unitCode: s.unitCode,
    nik: s.nik,
    feeTotal: s.feeTotal,
    channel: s.channel,
    counted: s.counted,
  };
}

/**
 * Books the application's date: takes a place with a conditional update on the day's counter (never overbooks),
 * binds the appointment to the NIK (one live appointment per person, enforced by a unique index), issues a billing
 * code valid for two hours and queues the job that releases the place if it is not paid.
 *
 * Most requests on a popular day are refusals, so they are answered from one unlocked read. A request that may
 * book locks the application row (a resent request waits for the first and then finds its booking), decides again
 * on fresh data, and places the appointment (placeAppointment: one statement whose conditional counter update guards it).
 *
 * `channel` takes the place from that channel's quota (an Eazy Paspor session books 'eazy_paspor'); without it the
 * application's speed decides ('percepatan' or 'online').
 */
export async function bookAppointment(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; date: IsoDate; channel?: PassportChannel },
  rules: BookingRules,
  qrSecret: string,
  now = new Date(),
): Promise<Booked> {
  const asked = input.channel ?? null;
  const first = decide(
    await readSituation(tx, input.applicationId, input.date, asked),
    input.date,
    rules,
    qrSecret,
    now,
  );
  if (first.kind === 'existing') return first.booked;

  await preparedRows(
    tx,
    'booking_lock_application',
    sql`select 1 from applications where id = ${input.applicationId} for update`,
  );
  const decision = decide(
    await readSituation(tx, input.applicationId, input.date, asked),
    input.date,
    rules,
    qrSecret,
    now,
  );
  if (decision.kind === 'existing') return decision.booked;
  const { unitCode, nik, feeTotal, channel } = decision;
  const expiresAt = new Date(now.getTime() + rules.billingValidMinutes * 60_000);
  const { appointmentId, billing } = await placeAppointment(tx, caller, {
    applicationId: input.applicationId,
    unitCode,
    nik,
    date: input.date,
    channel,
    billing: { amount: feeTotal, expiresAt, issuedAt: now },
    quota: { counted: decision.counted },
    jobs: [
      { kind: EXPIRE_JOB, runAt: expiresAt },
      { kind: REMIND_JOB, runAt: reminderAt(now, expiresAt) },
    ],
    takeAuditLock: true,
  });
  await appendAudit(
    tx,
    caller,
    {
      action: 'appointment.book',
      targetType: 'appointment',
      targetId: appointmentId,
      unitCode,
      details: { date: input.date },
    },
    { lockTaken: true },
  );
  const appointment = { id: appointmentId, date: input.date, unitCode, nik };
  return {
    appointment: { id: appointmentId, date: input.date, unitCode, qr: signAppointmentQr(qrSecret, appointment) },
    billing,
    created: true,
  };
}
