import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findVillage, type VillagePlace } from '../regions/find-village.ts';
import { unitScope } from '../units/scope.ts';
import { tipExtras, tipStepsFor } from './available-actions.ts';
import { overdueOf, type TipOverdue } from './deadlines.ts';
import { can, roleMay } from './policy.ts';
import { villageTips, villageWarnings, type TipStatus, type VillageTip } from './schema.ts';
import { getTip, tipHistory, type TipHistoryEntry } from './tip-records.ts';
import type { TipStep } from './workflow.ts';

/**
 * A tip as officers see it: the tip's own columns, which hold nothing about who sent it (that is in `tip_reporters`,
 * read only by `revealTipReporter`), and the secret's hash left out.
 */
export type OfficerTip = Omit<VillageTip, 'secretHash' | 'requestId'> & { overdue: TipOverdue };

const columns = {
  id: villageTips.id,
  trackingCode: villageTips.trackingCode,
  unitCode: villageTips.unitCode,
  villageCode: villageTips.villageCode,
  kind: villageTips.kind,
  channel: villageTips.channel,
  description: villageTips.description,
  subjectName: villageTips.subjectName,
  status: villageTips.status,
  outcome: villageTips.outcome,
  triageDueOn: villageTips.triageDueOn,
  closeDueOn: villageTips.closeDueOn,
  assignedTo: villageTips.assignedTo,
  receivedAt: villageTips.receivedAt,
  closedAt: villageTips.closedAt,
};

export type TipFilters = { unitCode?: string; status?: TipStatus };

/** The tips of the officer's scope, the earliest triage deadline first (open ones before closed ones). */
export async function listTips(
  db: Executor,
  actor: Actor,
  filters: TipFilters,
  today: IsoDate,
  limit = 500,
): Promise<OfficerTip[]> {
  if (!roleMay(actor, 'tip.read') || !actor.unitCode) return [];
  const scope = await unitScope(db, actor.unitCode);
  const units = filters.unitCode ? scope.filter((u) => u === filters.unitCode) : scope;
  if (units.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(villageTips)
    .where(
      and(inArray(villageTips.unitCode, units), filters.status ? eq(villageTips.status, filters.status) : undefined),
    )
    .orderBy(sql`${villageTips.status} = 'closed'`, asc(villageTips.triageDueOn), asc(villageTips.receivedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, overdue: overdueOf(r, today) }));
}

/** A tip the officer may read, else not_found (its existence is not theirs to know). */
export async function tipForOfficer(db: Executor, actor: Actor, id: string): Promise<VillageTip> {
  const tip = await getTip(db, id);
  const scope = actor.unitCode ? await unitScope(db, actor.unitCode) : [];
  if (!can(actor, 'tip.read', { unitCode: tip.unitCode, scope })) throw new AppError('not_found');
  return tip;
}

export type TipDetails = {
  tip: OfficerTip;
  /** The village's name with its kecamatan's and regency's, when the tip names one. */
  place: VillagePlace | undefined;
  history: TipHistoryEntry[];
  steps: TipStep[];
  reveal: boolean;
  raiseWarning: boolean;
  warnings: { id: string; kind: string; status: string; summary: string }[];
};

/** One tip for its page or the API: its history, the steps the officer may take, the warnings raised from it. */
export async function describeTip(db: Executor, actor: Actor, tip: VillageTip, today: IsoDate): Promise<TipDetails> {
  const scope = actor.unitCode ? await unitScope(db, actor.unitCode) : [];
  const { secretHash: _secret, requestId: _request, ...rest } = tip;
  const warnings = await db
    .select({
      id: villageWarnings.id,
      kind: villageWarnings.kind,
      status: villageWarnings.status,
      summary: villageWarnings.summary,
    })
    .from(villageWarnings)
    .where(eq(villageWarnings.tipId, tip.id))
    .orderBy(asc(villageWarnings.raisedAt));
  return {
    tip: { ...rest, overdue: overdueOf(tip, today) },
    place: tip.villageCode ? await findVillage(db, tip.villageCode) : undefined,
    history: await tipHistory(db, tip.id),
    steps: tipStepsFor(actor, tip, scope),
    ...tipExtras(actor, tip, scope),
    warnings,
  };
}
