import { and, eq } from 'drizzle-orm';
import { findForeignersByDocument } from '../foreigners/list-foreigner-names.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { assertWithin, findBanRule, lastDayOfPeriod } from './ban-period.ts';
import { birthDateFromNik } from './birth-date-from-nik.ts';
import { documentKey, nameKey } from './name-key.ts';
import { authorize } from './policy.ts';
import { recordWatchlistAction } from './record-watchlist-action.ts';
import { watchlistEntries, type BanList, type WatchlistEntry } from './schema.ts';

export type NewWatchlistEntry = {
  list?: BanList;
  fullName: string;
  nik?: string;
  nationality?: string;
  documentNumber?: string;
  foreignerId?: string;
  birthDate?: string;
  /** The legal basis and grounds in words. */
  reason: string;
  /** The letter or decision number. */
  reference: string;
  /** The first day; today when not given. */
  validFrom?: IsoDate;
  /** The last day; the longest the rule in force allows when not given. */
  validUntil?: IsoDate;
  /** Another feature's decision that lists the person (e.g. an administrative action), named by its id. */
  sourceRef?: string;
  requestId?: string | null;
};

const INDONESIA = 'IDN';

/**
 * Who the entry names, as each list needs it: on the prevention list a NIK or a birth date (a name alone would stop
 * every namesake, and names match only with the birth date), a travel document only with its nationality; on the
 * entry-ban list a foreigner's nationality, document number and birth date, never a NIK (UU 6/2011 Pasal 14(1): a
 * citizen cannot be refused entry).
 */
function identityErrors(list: BanList, input: NewWatchlistEntry): FieldErrors {
  const errors: FieldErrors = {};
  if (list === 'exit') {
    if (!input.nik && !input.birthDate) errors.nik = 'watchlist.v.identity';
    if (input.documentNumber && !input.nationality) errors.nationality = 'watchlist.v.nationalityWithDocument';
    if (input.nationality && !input.documentNumber) errors.documentNumber = 'watchlist.v.documentWithNationality';
    return errors;
  }
  if (input.nik) errors.nik = 'watchlist.v.entryNoNik';
  if (!input.nationality) errors.nationality = 'v.required';
  else if (input.nationality === INDONESIA) errors.nationality = 'watchlist.v.entryNoCitizen';
  if (!input.documentNumber) errors.documentNumber = 'v.required';
  if (!input.birthDate) errors.birthDate = 'v.required';
  return errors;
}

/**
 * A foreigner named by id must be in the register with the document the entry names. The document stays locked
 * until the entry is in, so lodgings' retention cannot delete the person in between (it sees the entry after).
 */
async function foreignerErrors(tx: Tx, input: NewWatchlistEntry): Promise<FieldErrors> {
  if (!input.foreignerId) return {};
  if (!input.nationality || !input.documentNumber) return { foreignerId: 'watchlist.v.foreignerDocument' };
  const people = await findForeignersByDocument(tx, input.nationality, documentKey(input.documentNumber), {
    lock: true,
  });
  return people.some((p) => p.id === input.foreignerId) ? {} : { foreignerId: 'watchlist.v.foreignerDocument' };
}

/**
 * The entry this officer's request id made on this list. The request id is unique per officer across both lists, so
 * one reused on the other list finds nothing here and its insert is refused as a conflict, never answered with the
 * other list's entry.
 */
const resent = (tx: Tx, list: BanList, actorId: string, requestId: string) =>
  tx
    .select()
    .from(watchlistEntries)
    .where(
      and(
        eq(watchlistEntries.list, list),
        eq(watchlistEntries.addedBy, actorId),
        eq(watchlistEntries.requestId, requestId),
      ),
    )
    .then((rows) => rows[0]);

/**
 * Lists a person on the prevention (`exit`, the default) or entry-ban (`entry`) list, by an officer at the list's
 * pages and API, or by another feature's decision (`sourceRef`) with the deciding officer as caller. The listing runs
 * from its first day through its last, at most as long as the rule in force today allows (`ban_rules`), and ends by
 * itself. A request id resent by the same officer finds the entry it made and changes nothing.
 */
export async function addWatchlistEntry(
  tx: Tx,
  caller: Caller & { actor: Actor },
  input: NewWatchlistEntry,
  today: IsoDate = witaDate(),
): Promise<WatchlistEntry> {
  const list = input.list ?? 'exit';
  authorize(caller.actor, 'watchlist.add', list);
  if (input.requestId) {
    const done = await resent(tx, list, caller.actor.id, input.requestId);
    if (done) return done;
  }
  const errors = { ...identityErrors(list, input), ...(await foreignerErrors(tx, input)) };
  const key = nameKey(input.fullName);
  if (!key) errors.fullName = 'v.required';
  // A birth date after today names nobody: the entry would never match.
  if (input.birthDate && input.birthDate > today) errors.birthDate = 'v.birthDateFuture';
  const rule = await findBanRule(tx, list, today);
  const validFrom = input.validFrom ?? today;
  const validUntil = input.validUntil ?? lastDayOfPeriod(validFrom, rule.maxMonths);
  if (validUntil < validFrom) errors.validUntil = 'watchlist.v.endBeforeStart';
  else if (validUntil < today) errors.validUntil = 'watchlist.v.endPassed';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  assertWithin(rule, validFrom, rule.maxMonths, validUntil);
  const [entry] = await tx
    .insert(watchlistEntries)
    .values({
      list,
      nik: input.nik || null,
      nationality: input.nationality || null,
      documentNumber: input.documentNumber ? documentKey(input.documentNumber) : null,
      foreignerId: input.foreignerId || null,
      fullName: input.fullName,
      nameKey: key,
      // A name matches only with the birth date: without one given, the NIK's is taken, lest the name never match.
      birthDate: input.birthDate || (input.nik ? birthDateFromNik(input.nik, today) : null),
      reason: input.reason,
      reference: input.reference,
      validFrom,
      validUntil,
      source: input.sourceRef ? 'administrative_action' : 'officer',
      sourceRef: input.sourceRef ?? null,
      addedBy: caller.actor.id,
      requestId: input.requestId ?? null,
    })
    .onConflictDoNothing()
    .returning();
  // The same request sent twice at once: the other one added it.
  if (!entry) {
    const done = input.requestId ? await resent(tx, list, caller.actor.id, input.requestId) : undefined;
    if (!done) throw new AppError('conflict');
    return done;
  }
  await recordWatchlistAction(tx, caller, entry, {
    type: 'add',
    requestId: input.requestId,
    payload: {
      reference: entry.reference,
      validFrom: entry.validFrom,
      validUntil: entry.validUntil,
      rule: rule.id,
      sourceRef: entry.sourceRef,
      byNik: !!entry.nik,
      byDocument: !!entry.documentNumber,
    },
  });
  return entry;
}
