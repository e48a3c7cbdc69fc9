import { getForeigner } from '../foreigners/get-foreigner.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { getStayPermit } from '../stay-permits/get-stay-permit.ts';
import { addWatchlistEntry } from '../watchlist/add-watchlist-entry.ts';
import type { CaseStepInput, MeasureInput } from './case-steps.ts';
import { enforcementMeasures, type EnforcementCase, type EnforcementMeasure } from './schema.ts';
import { defaultBasis } from './workflow.ts';
import { assertDateBetween } from './step-dates.ts';

type Decision = Extract<CaseStepInput, { step: 'decide' }>;

async function permitErrors(tx: Tx, measure: MeasureInput, foreignerId: string): Promise<FieldErrors> {
  if (!measure.permitId) return { permitId: 'v.required' };
  const permit = await getStayPermit(tx, measure.permitId).catch(() => null);
  if (!permit || permit.foreignerId !== foreignerId) return { permitId: 'enforcement.v.notTheirPermit' };
  if (permit.status !== 'active') return { permitId: 'enforcement.v.permitNotActive' };
  // A restriction cuts the permit short from today on: never back into days already allowed, nor past its end.
  const { validUntil } = measure;
  const earliest = [permit.validFrom, witaDate()].sort().at(-1)!;
  if (validUntil && (validUntil < earliest || validUntil >= permit.validUntil))
    return { until_permit: 'enforcement.v.permitEndOutside' };
  return {};
}

/** The decision's actions: each at most once; a ban from a place or a place to live names the place. */
async function decisionErrors(tx: Tx, input: Decision, foreignerId: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const types = input.measures.map((m) => m.type);
  if (types.length === 0) errors.measures = 'enforcement.v.noMeasure';
  if (new Set(types).size !== types.length) errors.measures = 'enforcement.v.measureTwice';
  for (const m of input.measures) {
    if ((m.type === 'place_ban' || m.type === 'residence') && !m.detail) errors[`detail_${m.type}`] = 'v.required';
    if (m.type === 'permit') Object.assign(errors, await permitErrors(tx, m, foreignerId));
  }
  return errors;
}

/**
 * The head of office decides the case, never the officer who wrote its opinion (four eyes): the actions of Pasal
 * 75(2), each with its basis and end. An entry-ban listing is made at once through the watchlist (its keepers' rule
 * and dated limits: a listing longer than the rule in force allows is refused, and nothing is written) and counts as
 * executed; the other actions wait for their execution.
 */
export async function decideCase(
  tx: Tx,
  caller: Caller & { actor: Actor },
  found: EnforcementCase,
  input: Decision,
): Promise<{ set: Partial<EnforcementCase>; payload: Record<string, unknown>; allExecuted: boolean }> {
  if (found.opinionBy === caller.actor.id) throw new AppError('four_eyes_required');
  const errors = await decisionErrors(tx, input, found.foreignerId);
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const decidedOn = input.decidedOn ?? witaDate();
  assertDateBetween('decidedOn', decidedOn, found.examinedOn);
  const person = await getForeigner(tx, found.foreignerId);
  const document = person.documents.at(-1);
  const measures: EnforcementMeasure[] = [];
  for (const m of input.measures) {
    const basis = m.basis || defaultBasis[m.type];
    const listed =
      m.type === 'listing'
        ? await addWatchlistEntry(tx, caller, {
            list: 'entry',
            fullName: `${person.surname} ${person.givenNames}`.trim(),
            nationality: document?.nationality ?? person.nationality,
            documentNumber: document?.number,
            birthDate: person.birthDate,
            foreignerId: person.id,
            reason: basis,
            reference: input.decisionNumber,
            validFrom: decidedOn,
            ...(m.validUntil ? { validUntil: m.validUntil } : {}),
            sourceRef: found.id,
          })
        : null;
    const [row] = await tx
      .insert(enforcementMeasures)
      .values({
        caseId: found.id,
        type: m.type,
        basis,
        detail: m.detail || null,
        validUntil: listed?.validUntil ?? m.validUntil ?? null,
        permitId: m.type === 'permit' ? (m.permitId ?? null) : null,
        watchlistEntryId: listed?.id ?? null,
        executedAt: listed ? new Date() : null,
        executedBy: listed ? caller.actor.id : null,
      })
      .returning();
    measures.push(row!);
  }
  return {
    set: { decisionNumber: input.decisionNumber, decidedOn, decidedBy: caller.actor.id },
    payload: {
      decisionNumber: input.decisionNumber,
      decidedOn,
      measures: measures.map((m) => ({ id: m.id, type: m.type, validUntil: m.validUntil })),
    },
    allExecuted: measures.every((m) => m.executedAt),
  };
}
