import { getCrossingPoint } from '../crossing-points/get-crossing-point.ts';
import { recordForeigners } from '../foreigners/record-foreigners.ts';
import { findNikOfPassport } from '../passports/find-nik-of-passport.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { takeTurn, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { actorScope } from '../units/scope.ts';
import { applyCrossing } from './apply-crossing.ts';
import { findHeldCrossing, findResentCrossing, type TravellerKeys } from './find-crossing.ts';
import { judgeCrossing } from './judge-crossing.ts';
import { authorize, authorizeRole } from './policy.ts';
import { readDeskDocument, type DeskDocument, type DeskDocumentInput } from './read-desk-document.ts';
import { crossingActions, crossings, type Crossing, type Direction } from './schema.ts';

export type CrossingInput = DeskDocumentInput & {
  pointCode: string;
  direction: Direction;
  /** A PLB holder coming back: the stay extensions they show. */
  extensions?: number | null;
  requestId?: string | null;
};

/** The columns that name the traveller, as the document gives them (a citizen's passport: the NIK it leads to). */
function travellerColumns(document: DeskDocument, passportNik: string | null) {
  if (document.kind === 'plb') {
    const { pass } = document;
    return {
      travellerKind: 'citizen' as const,
      documentKind: 'plb' as const,
      documentNumber: pass.number,
      nationality: 'IDN',
      nik: pass.holder.nik,
      passId: pass.id,
      fullName: pass.holder.fullName,
      birthDate: pass.holder.birthDate,
      documentExpiresOn: pass.validUntil,
    };
  }
  const d = document.doc;
  return {
    travellerKind: d.nationality === 'IDN' ? ('citizen' as const) : ('foreigner' as const),
    documentKind: 'passport' as const,
    documentNumber: d.documentNumber,
    nationality: d.nationality,
    nik: passportNik,
    passId: null,
    fullName: `${d.givenNames} ${d.surname}`.trim(),
    birthDate: d.birthDate,
    documentExpiresOn: d.expiresOn,
  };
}

/** The lock space of one traveller's crossings (takeTurn). */
const TRAVELLER_LOCK_SPACE = 7440;

/**
 * Two desks recording the same traveller take turns on every key the held check looks up (the document, the NIK, the
 * birth date, under which close names are compared), so the second sees the first's hold. Sorted, so that two
 * recordings sharing several keys take them in one order and never wait on each other in a circle.
 */
async function takeTravellerTurn(tx: Tx, traveller: TravellerKeys) {
  const keys = [`document|${traveller.nationality}|${traveller.documentNumber}`];
  if (traveller.nik) keys.push(`nik|${traveller.nik}`);
  if (traveller.birthDate) keys.push(`born|${traveller.birthDate}`);
  for (const key of keys.sort()) await takeTurn(tx, TRAVELLER_LOCK_SPACE, key);
}

/**
 * A request id answers with its crossing only for the same traveller and direction: a desk reusing an id for someone
 * else (a stale form, a faulty client) is refused rather than shown another person's verdict, and records nothing.
 */
function sameCrossing(
  crossing: Crossing,
  traveller: { documentNumber: string; nationality: string },
  direction: Direction,
): Crossing {
  const same =
    crossing.documentNumber === traveller.documentNumber &&
    crossing.nationality === traveller.nationality &&
    crossing.direction === direction;
  if (!same) throw new AppError('conflict', { scan: 'border.v.requestReused' });
  return crossing;
}

/** The crossing's first history entry and its audit entry: a red one names the reasons and ban entries (the hit). */
async function recordHistory(tx: Tx, caller: Caller, crossing: Crossing, requestId: string | null | undefined) {
  const details = {
    pointCode: crossing.pointCode,
    direction: crossing.direction,
    verdict: crossing.verdict,
    reasons: crossing.reasons.map((r) => r.code),
    banEntryIds: crossing.banEntryIds,
  };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: crossingActions,
      entry: { crossingId: crossing.id, toStatus: crossing.status },
      record: crossings,
      recordId: crossing.id,
      type: 'recorded',
      payload: details,
      requestId,
    },
    {
      action: crossing.status === 'held' ? 'crossing.held' : 'crossing.cleared',
      targetType: 'crossing',
      targetId: crossing.id,
      unitCode: crossing.unitCode,
      details,
    },
  );
}

/**
 * The desk records one arrival or departure at a point its officer works, in the caller's transaction: a resent
 * request id answers with the crossing it made (the same verdict, nothing new; another traveller or direction under
 * that id is a conflict); a traveller with a held crossing (same document, NIK, or close name and birth date, checked
 * in turn with other desks) waits for the supervisor (refused with a message, nothing recorded); a foreigner is found
 * or added in the register; the verdict is judged and recorded with its history entry and audit (a red one names the
 * reasons and ban entries matched, so the hit is audited). Green: the crossing happened (counts, a foreigner's
 * departure). Red: it is held for a secondary inspection.
 */
export async function recordCrossing(
  tx: Tx,
  caller: Caller,
  input: CrossingInput,
  now = new Date(),
): Promise<{ crossing: Crossing; repeated: boolean }> {
  const actor = caller.actor;
  authorizeRole(actor, 'crossing.record');
  const point = await getCrossingPoint(tx, input.pointCode);
  authorize(actor, 'crossing.record', { unitCode: point.unitCode, scope: await actorScope(tx, actor) });
  const today = witaDate(now);
  const document = await readDeskDocument(tx, input, today);
  const passportNik =
    document.kind === 'passport' && document.doc.nationality === 'IDN'
      ? await findNikOfPassport(tx, document.doc.documentNumber)
      : null;
  const traveller = travellerColumns(document, passportNik);
  const resent = await findResentCrossing(tx, actor!.id, input.requestId);
  if (resent) return { crossing: sameCrossing(resent, traveller, input.direction), repeated: true };
  await takeTravellerTurn(tx, traveller);
  if (await findHeldCrossing(tx, traveller)) throw new AppError('validation_failed', { scan: 'border.v.held' });
  const foreignerId =
    document.kind === 'passport' && traveller.travellerKind === 'foreigner'
      ? ((await recordForeigners(tx, [document.doc]))[0] ?? null)
      : null;
  const judgement = await judgeCrossing(tx, {
    caller,
    now,
    point,
    direction: input.direction,
    document,
    nik: traveller.nik,
    foreignerId,
    extensions: input.extensions ?? 0,
    today,
  });
  const status = judgement.verdict === 'green' ? 'cleared' : 'held';
  const [crossing] = await tx
    .insert(crossings)
    .values({
      ...traveller,
      pointCode: point.code,
      unitCode: point.unitCode,
      direction: input.direction,
      foreignerId,
      crossedOn: today,
      verdict: judgement.verdict,
      reasons: judgement.reasons,
      banEntryIds: judgement.banEntryIds,
      status,
      statusAt: now,
      returnBy: judgement.returnBy,
      extensions: document.kind === 'plb' && input.direction === 'arrival' ? (input.extensions ?? 0) : null,
      recordedBy: actor!.id,
      recordedAt: now,
      requestId: input.requestId ?? null,
    })
    .onConflictDoNothing()
    .returning();
  // The same request sent twice at once: the other one recorded it.
  if (!crossing) {
    const done = await findResentCrossing(tx, actor!.id, input.requestId);
    if (!done) throw new AppError('conflict');
    return { crossing: sameCrossing(done, traveller, input.direction), repeated: true };
  }
  await recordHistory(tx, caller, crossing, input.requestId);
  if (status === 'cleared') await applyCrossing(tx, caller, crossing, point.name, now);
  return { crossing, repeated: false };
}
