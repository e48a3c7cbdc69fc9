import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import { tokenActor, tokenActorWith, type TokenActorRow } from '../platform/auth/sessions.ts';
import type { TokenUses } from '../platform/auth/token-uses.ts';
import { holidayClosesSql } from '../holidays/closed-days.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { isWeekend, type IsoDate } from '../platform/calendar/wita.ts';
import { preparedRows, type Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { unitServesSql } from '../units/list-units.ts';
import { REMIND_JOB, reminderAt } from './billing-reminder.ts';
import { CONFIRM_JOB } from './confirm-booking.ts';
import { bookingWindow, type WindowRules } from './booking-window.ts';
import { plannedCapacitySql, stockedSql } from './capacity.ts';
import { GuardRefused, placeAppointment } from './place-appointment.ts';
import { passGuard, passUsed, type CheckedPass } from '../waiting-room/register.ts';
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
export type Situation = {
  accountId: string;
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

/** The situation's query: one row for the application (none when there is no such application). */
function situationSql(applicationId: string, date: IsoDate, channel: PassportChannel | null): SQL {
  return sql`
      select a.account_id as "accountId", a.status, a.unit_code as "unitCode", a.nik, a.passport_type as "passportType", a.fee_total as "feeTotal", c.channel,
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
      where a.id = ${applicationId}`;
}

async function readSituation(
  db: Executor,
  applicationId: string,
  date: IsoDate,
  channel: PassportChannel | null,
): Promise<Situation | undefined> {
  const [row] = await preparedRows<Situation>(db, 'booking_situation', situationSql(applicationId, date, channel));
  return row;
}

/**
 * A booking request over the API in one round trip: the bearer token's actor (see tokenActorWith), and the
 * application's owner with everything the booking rules need. The route's policy decides on the owner; most
 * requests on a popular day are refusals, answered from this one read.
 */
export async function readBookingRequest(
  db: Executor,
  token: { token: string; uses: TokenUses },
  input: { applicationId: string; date: IsoDate },
): Promise<{ actor: Actor | null; situation: Situation | undefined }> {
  const [row] = await preparedRows<{ actor: TokenActorRow | null } & Partial<Situation>>(
    db,
    'booking_request',
    sql`
      with ${tokenActorWith(token.token)}
      select (select row_to_json(token_actor) from token_actor) as actor, s.*
      from (select 1) one left join lateral (${situationSql(input.applicationId, input.date, null)}) s on true`,
  );
  const { actor, ...situation } = row!;
  return { actor: tokenActor(actor, token.uses), situation: situation.status ? (situation as Situation) : undefined };
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
 * code valid for two hours and queues the jobs that release the place if it is not paid and mail the confirmation.
 *
 * Two round trips when it books: the situation (one unlocked read, which answers most requests on a popular day:
 * refusals), then placeAppointment's one statement, which also appends the audit entry and, outside a transaction, is
 * its own. That statement books only an application still submitted: when a resent request booked it first, or it
 * was withdrawn meanwhile, the situation is read again and decides (the first booking is returned, or the refusal).
 *
 * `channel` takes the place from that channel's quota (an Eazy Paspor session books 'eazy_paspor'); without it the
 * application's speed decides ('percepatan' or 'online').
 */
export async function bookAppointment(
  db: Executor,
  caller: Caller,
  input: BookingInput,
  rules: BookingRules,
  qrSecret: string,
  now = new Date(),
): Promise<Booked> {
  const situation = await readSituation(db, input.applicationId, input.date, input.channel ?? null);
  return bookFromSituation(db, caller, input, situation, rules, qrSecret, now);
}

/**
 * `channel`: the quota the place is taken from (see bookAppointment); `pass`: the waiting room's pass, checked by the
 * route; `mail`: queue the confirmation mail (the booking page, the API and the waiting list; not an Eazy Paspor
 * session's join, which confirms the session, nor the demo data).
 */
export type BookingInput = {
  applicationId: string;
  date: IsoDate;
  channel?: PassportChannel;
  pass?: CheckedPass;
  mail?: boolean;
};

/**
 * bookAppointment on a situation already read (the API reads it with the actor: readBookingRequest). `pass`: the
 * waiting room's pass, checked by the route, spent by the booking's statement itself (refused when spent before).
 */
export async function bookFromSituation(
  db: Executor,
  caller: Caller,
  input: BookingInput,
  situation: Situation | undefined,
  rules: BookingRules,
  qrSecret: string,
  now = new Date(),
): Promise<Booked> {
  const decision = decide(situation, input.date, rules, qrSecret, now);
  if (decision.kind === 'existing') return decision.booked;
  const { unitCode, nik, feeTotal, channel } = decision;
  const expiresAt = new Date(now.getTime() + rules.billingValidMinutes * 60_000);
  try {
    const { appointmentId, billing } = await placeAppointment(db, caller, {
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
        ...(input.mail === false ? [] : [{ kind: CONFIRM_JOB }]),
      ],
      guard: input.pass && passGuard(input.pass),
      audit: (id) => ({
        action: 'appointment.book',
        targetType: 'appointment',
        targetId: id,
        unitCode,
        details: { date: input.date },
      }),
    });
    const appointment = { id: appointmentId, date: input.date, unitCode, nik };
    return {
      appointment: { id: appointmentId, date: input.date, unitCode, qr: signAppointmentQr(qrSecret, appointment) },
      billing,
      created: true,
    };
  } catch (err) {
    // The application changed, or the pass was spent, since the read: a resent request may have booked it first.
    const refused = err instanceof GuardRefused;
    if (!refused && !(err instanceof AppError && err.code === 'conflict')) throw err;
    const again = decide(
      await readSituation(db, input.applicationId, input.date, input.channel ?? null),
      input.date,
      rules,
      qrSecret,
      now,
    );
    if (again.kind === 'existing') return again.booked;
    throw refused ? passUsed() : err;
  }
}
