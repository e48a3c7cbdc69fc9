import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { newBillingCode } from '../payments/billing-code.ts';
import { auditAppendSql, type AuditInput } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { constraintOf, preparedRows, sqlState, type Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { ensureDayQuota } from './capacity.ts';
import type { PassportChannel } from './schema.ts';

export type Placement = {
  applicationId: string;
  unitCode: string;
  nik: string;
  date: IsoDate;
  channel: PassportChannel;
  /** The fee fixed at submission, payable until `expiresAt`; `issuedAt` defaults to the transaction's time. */
  billing: { amount: number; expiresAt: Date; issuedAt?: Date };
  /**
   * Take the place from the day's counter (never beyond capacity; `counted`: the counter is known to exist). An
   * appointment where the office goes out is outside the quotas.
   */
  quota: { counted: boolean } | null;
  /** Jobs due about this appointment (their payload names it), e.g. the billing expiry; without `runAt`, at once. */
  jobs?: { kind: string; runAt?: Date }[];
  /** What the application's `appointment_booked` action records besides the appointment and its billing code. */
  payload?: Record<string, unknown>;
  /** The audit entry, written by the same statement (at its end) when the appointment is placed. */
  audit?: (appointmentId: string) => AuditInput;
  /**
   * A condition the placement needs (the waiting room's pass being unspent), the write that goes with a placement
   * made (spending it), and how to recognise a race lost on that write: without the condition nothing is placed and
   * GuardRefused is thrown, as for the lost race.
   */
  guard?: { holds: SQL; onPlaced: (placed: SQL) => SQL; isSpentConflict: (err: unknown) => boolean };
};
export type Placed = { appointmentId: string; billing: { code: string; amount: number; expiresAt: Date } };

/** The guard of a placement yielded no row: nothing was placed. */
export class GuardRefused extends Error {}

/**
 * Places an appointment: the one way booking, outreach and priority walk-ins create one. A single statement locks the
 * application while it is still `submitted`, takes the place with a conditional update on the day's counter (so none
 * is ever overbooked), binds the appointment to the NIK (one live appointment per person, by a unique index), issues
 * its billing code, records the application's `appointment_booked` action and status, queues its jobs and appends its
 * audit entry; each write runs only if the place was taken. One statement, which names payments' and applications'
 * tables, so a hot day's counter stays locked for a single round trip, and outside a transaction it is one by itself.
 * Throws `quota_full`, `already_booked`, or `conflict` when the application is no longer submitted (a resent request
 * placed it first, or it was withdrawn): the caller checks its own rules before and may read again.
 */
export async function placeAppointment(tx: Executor, caller: Caller, input: Placement): Promise<Placed> {
  const { applicationId, unitCode, date, channel } = input;
  if (input.quota && !input.quota.counted) await ensureDayQuota(tx, unitCode, date, channel);
  const appointmentId = crypto.randomUUID();
  const billing = { code: newBillingCode(), amount: input.billing.amount, expiresAt: input.billing.expiresAt };
  const action = { status: 'booked', appointmentId, date, unitCode, billingCode: billing.code, ...input.payload };
  const jobs = (input.jobs ?? []).map((j) => ({
    kind: j.kind,
    payload: { appointmentId },
    run_at: j.runAt?.toISOString() ?? null,
  }));
  // One call per placed row, and none when nothing was placed: an entry only for a booking made.
  const audit = input.audit
    ? sql`select (${auditAppendSql(caller, input.audit(appointmentId))}).id as audit_id from appointment`
    : sql`select null::bigint as audit_id`;
  let took: { guarded: boolean; claimed: boolean; id: string | null; auditId: unknown }[];
  try {
    took = await preparedRows(
      tx,
      `place_appointment${input.audit ? '_audited' : ''}${input.guard ? '_guarded' : ''}`,
      sql`
        with guard as (
          select ${input.guard?.holds ?? sql`true`} as holds
        ), claim as (
          select id from applications where id = ${applicationId}::uuid and status = 'submitted' and (select holds from guard) for update
        ), place as (
          update day_quotas set booked = booked + 1
          where exists (select 1 from claim) and ${input.quota !== null}::boolean and unit_code = ${unitCode} and date = ${date}::date and channel = ${channel} and booked < capacity
          returning 1
        ), placed as (
          select 1 from place union all select 1 from claim where not ${input.quota !== null}::boolean
        ), appointment as (
          insert into appointments (id, application_id, unit_code, date, channel, nik)
          select ${appointmentId}::uuid, ${applicationId}::uuid, ${unitCode}, ${date}::date, ${channel}, ${input.nik} from placed
          returning id
        ), billing as (
          insert into billings (code, appointment_id, application_id, amount, created_at, expires_at)
          select ${billing.code}, id, ${applicationId}::uuid, ${billing.amount}, coalesce(${input.billing.issuedAt?.toISOString() ?? null}::timestamptz, now()),
            ${billing.expiresAt.toISOString()}::timestamptz
          from appointment
        ), action as (
          insert into application_actions (application_id, type, actor_id, payload)
          select ${applicationId}::uuid, 'appointment_booked', ${caller.actor?.id ?? null}::uuid, ${JSON.stringify(action)}::jsonb from appointment
        ), status as (
          update applications set status = 'booked', status_at = now() where id = ${applicationId}::uuid and exists (select 1 from appointment)
        ), queued as (
          insert into jobs (kind, payload, run_at)
          select j.kind, j.payload, coalesce(j.run_at, now()) from appointment cross join jsonb_to_recordset(${JSON.stringify(jobs)}::jsonb) as j(kind text, payload jsonb, run_at timestamptz)
        ), guarded as (
          ${input.guard ? input.guard.onPlaced(sql`appointment`) : sql`select 1`}
        ), audited as (
          ${audit}
        )
        select (select holds from guard) as guarded, exists (select 1 from claim) as claimed, p.id, d.audit_id as "auditId"
        from (select 1) one left join appointment p on true left join audited d on true`,
    );
  } catch (err) {
    if (input.guard?.isSpentConflict(err)) throw new GuardRefused();
    // The same person booked under another application, or two requests for one person at once: the index lets one through.
    if (sqlState(err) === '23505' && constraintOf(err)?.startsWith('appointments_live_'))
      throw new AppError('already_booked');
    throw err;
  }
  if (!took[0]?.guarded) throw new GuardRefused();
  if (!took[0].claimed) throw new AppError('conflict');
  if (!took[0].id) throw new AppError('quota_full');
  return { appointmentId, billing };
}
