import { allowedReturnDate } from '../border-passes/pass-rules.ts';
import type { CrossingPoint } from '../crossing-points/get-crossing-point.ts';
import { plbSwitchOn } from '../crossing-points/get-crossing-point.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { chargeOnDeparture } from '../overstays/charge-on-departure.ts';
import { findLapsedPermit } from '../stay-permits/find-lapsed-permit.ts';
import { matchTraveller } from '../watchlist/match-traveller.ts';
import { latestPassCrossing } from './find-crossing.ts';
import type { DeskDocument } from './read-desk-document.ts';
import type { Direction, Verdict, VerdictReason } from './schema.ts';

export type Judgement = {
  verdict: Verdict;
  reasons: VerdictReason[];
  banEntryIds: string[];
  /** A PLB departure: the last day of the stay without extensions. */
  returnBy: IsoDate | null;
};

/** The traveller as the ban lists are searched: the document's holder, with the NIK a passport leads to. */
function travellerOf(document: DeskDocument, direction: Direction, nik: string | null) {
  const list = direction === 'departure' ? ('exit' as const) : ('entry' as const);
  if (document.kind === 'plb') {
    const { holder, number } = document.pass;
    return { direction: list, nationality: 'IDN', documentNumber: number, ...holder };
  }
  const d = document.doc;
  const fullName = `${d.givenNames} ${d.surname}`.trim();
  return {
    direction: list,
    nationality: d.nationality,
    documentNumber: d.documentNumber,
    nik,
    fullName,
    birthDate: d.birthDate,
  };
}

/**
 * The document itself: a passport not expired at a point inspecting passports; a PLB valid, at a point inspecting
 * PLBs whose counterpart accepts them today. The counterpart's refusal matters for leaving (the holder would be turned
 * back on the other side); a citizen already back through it is let in, the refusal recorded amber.
 */
function documentReasons(
  point: CrossingPoint,
  document: DeskDocument,
  direction: Direction,
  today: IsoDate,
): VerdictReason[] {
  if (document.kind === 'passport') {
    const reasons: VerdictReason[] = [];
    if (!point.documents.includes('passport')) reasons.push({ code: 'document_not_inspected', level: 'red' });
    const expiresOn = document.doc.expiresOn;
    if (expiresOn && expiresOn < today)
      reasons.push({ code: 'document_expired', level: 'red', params: { date: expiresOn } });
    return reasons;
  }
  const { pass } = document;
  const reasons: VerdictReason[] = [];
  if (pass.status !== 'valid') reasons.push({ code: 'pass_not_valid', level: 'red', params: { status: pass.status } });
  if (!point.documents.includes('plb')) reasons.push({ code: 'plb_not_usable', level: 'red' });
  else if (!(plbSwitchOn(point, today)?.accepts ?? false))
    reasons.push(
      direction === 'departure'
        ? { code: 'plb_not_usable', level: 'red' }
        : { code: 'plb_not_accepted', level: 'amber' },
    );
  return reasons;
}

/**
 * A PLB holder coming back: the stay began with their latest crossing out on this pass; back after the last day the
 * rule allows with the extensions they show is flagged amber (a citizen coming home is let in, the lateness is
 * recorded for the post). On the way out, the stay's last day without extensions is kept for the overdue list.
 */
async function plbStay(db: Executor, document: DeskDocument, direction: Direction, today: IsoDate, extensions: number) {
  if (document.kind !== 'plb') return { reasons: [], returnBy: null };
  const rule = document.pass.stayRule;
  if (direction === 'departure') return { reasons: [], returnBy: allowedReturnDate(rule, today, 0) };
  const out = await latestPassCrossing(db, document.pass.id);
  if (out?.direction !== 'departure') return { reasons: [], returnBy: null };
  const allowed = allowedReturnDate(rule, out.crossedOn, extensions);
  if (today <= allowed) return { reasons: [], returnBy: null };
  const reason: VerdictReason = {
    code: 'plb_overdue',
    level: 'amber',
    params: { date: allowed, departed: out.crossedOn },
  };
  return { reasons: [reason], returnBy: null };
}

/**
 * The desk's checks on one traveller, in the order the verdict page lists them: the document; the ban list of the
 * direction (only the entry ids, never the grounds); a PLB holder's stay; a foreigner leaving after their permit
 * ended (overstays charges the days through today: red while anything is owed, amber when every period is paid).
 * Red if any reason is red.
 */
export async function judgeCrossing(
  db: Tx,
  input: {
    caller: Caller;
    now: Date;
    point: CrossingPoint;
    direction: Direction;
    document: DeskDocument;
    /** A citizen's passport Sikoe printed: its holder's NIK (a PLB carries its own). */
    nik: string | null;
    foreignerId: string | null;
    extensions: number;
    today: IsoDate;
  },
): Promise<Judgement> {
  const { point, direction, document, today } = input;
  const reasons = documentReasons(point, document, direction, today);
  const matches = await matchTraveller(db, travellerOf(document, direction, input.nik), today);
  for (const m of matches) reasons.push({ code: 'ban_match', level: 'red', params: { match: m.match } });
  const stay = await plbStay(db, document, direction, today, input.extensions);
  reasons.push(...stay.reasons);
  if (direction === 'departure' && input.foreignerId) {
    const lapsed = await findLapsedPermit(db, input.foreignerId, today);
    if (lapsed) {
      // The charge is made here, not left to the nightly scan: after the departure the scan no longer sees them.
      const owed = await chargeOnDeparture(db, input.caller, input.foreignerId, today, input.now);
      const date = lapsed.validUntil;
      reasons.push(
        owed.length > 0
          ? { code: 'permit_expired', level: 'red', params: { date } }
          : { code: 'permit_expired_paid', level: 'amber', params: { date } },
      );
    }
  }
  return {
    verdict: reasons.some((r) => r.level === 'red') ? 'red' : 'green',
    reasons,
    banEntryIds: [...new Set(matches.map((m) => m.entryId))],
    returnBy: stay.returnBy,
  };
}
