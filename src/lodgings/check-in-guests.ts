import { and, eq, sql } from 'drizzle-orm';
import { recordForeigners } from '../foreigners/record-foreigners.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { queryRows, type Tx } from '../platform/db/index.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { isLate, listLodgingRules } from './check-in-rules.ts';
import { assertMayReport, lodgingForMember } from './get-lodging.ts';
import type { GuestInput } from './inputs.ts';
import { newReceiptNumber } from './receipt-number.ts';
import { stays, type Lodging, type ReportChannel } from './schema.ts';

/** A guest as the route parsed it: the fields, or the fields that were wrong. */
export type CheckInEntry = { guest: GuestInput } | { clientId: string | null; errors: FieldErrors };

export type GuestResult =
  | {
      index: number;
      clientId: string;
      status: 'accepted' | 'repeated';
      stayId: string;
      receiptNumber: string;
      late: boolean;
    }
  | { index: number; clientId: string | null; status: 'rejected'; errors: FieldErrors };

type StayKey = { id: string; clientId: string; receiptNumber: string; late: boolean };

/** The rules only the moment of the report can judge: a check-in is not in the future, nor a departure before it. */
function ruleErrors(guest: GuestInput, now: Date): FieldErrors | null {
  if (guest.checkInAt.getTime() > now.getTime()) return { checkInAt: 'lodgings.intake.v.checkInFuture' };
  if (guest.expectedCheckOutOn < witaDate(guest.checkInAt))
    return { expectedCheckOutOn: 'lodgings.intake.v.checkOutBeforeCheckIn' };
  return null;
}

async function existingStays(tx: Tx, lodgingId: string, clientIds: string[]): Promise<Map<string, StayKey>> {
  if (clientIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: stays.id, clientId: stays.clientId, receiptNumber: stays.receiptNumber, late: stays.late })
    .from(stays)
    // One array parameter, not a thousand: building a statement of a thousand parameters costs the server thread.
    .where(and(eq(stays.lodgingId, lodgingId), sql`${stays.clientId} = any(${sql.param(clientIds)}::text[])`));
  return new Map(rows.map((r) => [r.clientId, r]));
}

/**
 * Inserts the new stays in one statement whatever their number, so a thousand guests are a dozen parameters, not
 * 17,000. A stay another request inserted meanwhile is skipped, not doubled.
 */
async function insertStays(
  tx: Tx,
  caller: Caller,
  lodging: Lodging,
  channel: ReportChannel,
  guests: GuestInput[],
  now: Date,
): Promise<StayKey[]> {
  if (guests.length === 0) return [];
  const people = await recordForeigners(
    tx,
    guests.map((g) => ({ ...g, expiresOn: g.expiresOn ?? null })),
  );
  const rules = await listLodgingRules(tx);
  // The guests as one JSON parameter (`json_to_recordset`): a single statement however many, and no per-value
  // array escaping on the server thread.
  const batch = JSON.stringify(
    guests.map((g, i) => ({
      client_id: g.clientId,
      foreigner_id: people[i],
      document_number: g.documentNumber,
      check_in_at: g.checkInAt.toISOString(),
      expected_check_out_on: g.expectedCheckOutOn,
      room: g.room ?? null,
      purpose: g.purpose,
      permit_seen: g.permitSeen ?? null,
      late: isLate(rules, g.checkInAt, now),
      receipt_number: newReceiptNumber(lodging.unitCode, g.checkInAt),
    })),
  );
  return queryRows<StayKey>(
    tx,
    sql`insert into ${stays} (lodging_id, client_id, foreigner_id, document_number, check_in_at, expected_check_out_on,
        room, purpose, permit_seen, channel, reported_by, reported_at, late, receipt_number, unit_code, regency_code,
        district_code)
      select ${lodging.id}, u.client_id, u.foreigner_id, u.document_number, u.check_in_at, u.expected_check_out_on,
        u.room, u.purpose, u.permit_seen, ${channel}, ${caller.actor!.id}, ${now.toISOString()}::timestamptz, u.late,
        u.receipt_number, ${lodging.unitCode}, ${lodging.regencyCode}, ${lodging.districtCode}
      from json_to_recordset(${batch}::json) as u(client_id text, foreigner_id uuid, document_number text,
        check_in_at timestamptz, expected_check_out_on date, room text, purpose text, permit_seen text, late boolean,
        receipt_number text)
      on conflict (lodging_id, client_id) do nothing
      returning id, client_id as "clientId", receipt_number as "receiptNumber", late`,
  );
}

/**
 * Check-in reports for one lodging, from the web form, a CSV file or the API alike, as a few statements however many
 * guests: the guests already reported under their client id are answered as repeats with their stay and receipt, the
 * others are recorded (the person found or created in the foreigners register, the stay inserted, late when reported
 * after the deadline in force at check-in), and a bad guest is answered with its fields without refusing the rest.
 * One audit entry for the request when anything was recorded; a request that records nothing changes nothing.
 */
export async function checkInGuests(
  tx: Tx,
  caller: Caller,
  input: { lodgingId: string; channel: ReportChannel; entries: CheckInEntry[] },
  now = new Date(),
): Promise<GuestResult[]> {
  const { lodging } = await lodgingForMember(tx, caller.actor, input.lodgingId);
  assertMayReport(lodging);
  const results: (GuestResult | undefined)[] = [];
  const valid: { index: number; guest: GuestInput }[] = [];
  input.entries.forEach((entry, index) => {
    if ('errors' in entry)
      results[index] = { index, clientId: entry.clientId, status: 'rejected', errors: entry.errors };
    else {
      const errors = ruleErrors(entry.guest, now);
      if (errors) results[index] = { index, clientId: entry.guest.clientId, status: 'rejected', errors };
      else valid.push({ index, guest: entry.guest });
    }
  });
  const known = await existingStays(tx, lodging.id, [...new Set(valid.map((v) => v.guest.clientId))]);
  const fresh = new Map<string, GuestInput>();
  for (const { guest } of valid)
    if (!known.has(guest.clientId) && !fresh.has(guest.clientId)) fresh.set(guest.clientId, guest);
  const inserted = await insertStays(tx, caller, lodging, input.channel, [...fresh.values()], now);
  const created = new Map(inserted.map((s) => [s.clientId, s]));
  const raced = [...fresh.keys()].filter((id) => !created.has(id));
  for (const [id, stay] of await existingStays(tx, lodging.id, raced)) known.set(id, stay);
  const answered = new Set<string>();
  for (const { index, guest } of valid) {
    const isNew = created.has(guest.clientId) && !answered.has(guest.clientId);
    const stay = (created.get(guest.clientId) ?? known.get(guest.clientId))!;
    answered.add(guest.clientId);
    results[index] = {
      index,
      clientId: guest.clientId,
      status: isNew ? 'accepted' : 'repeated',
      stayId: stay.id,
      receiptNumber: stay.receiptNumber,
      late: stay.late,
    };
  }
  if (inserted.length > 0)
    await appendAudit(tx, caller, {
      action: 'lodging.check_in',
      targetType: 'lodging',
      targetId: lodging.id,
      unitCode: lodging.unitCode,
      details: {
        channel: input.channel,
        accepted: inserted.length,
        late: inserted.filter((s) => s.late).length,
      },
    });
  return results as GuestResult[];
}
