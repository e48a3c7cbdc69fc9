import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findVillage, type VillagePlace } from '../regions/find-village.ts';
import { unitScope } from '../units/scope.ts';
import { tipExtras, tipStepsFor } from './available-actions.ts';
import { overdueOf, type TipOverdue } from './deadlines.ts';
import { can, roleMay } from './policy.ts';
import { villageTips, villageWarnings, type TipChannel, type TipStatus, type VillageTip } from './schema.ts';
import { getTip, tipHistory, type TipHistoryEntry } from './tip-records.ts';
import type { TipStep } from './workflow.ts';

/**
 * A tip as officers see it: the tip's own columns, which hold nothing about who sent it (that is in `tip_reporters`,
 * read only by `revealTipReporter`), and the secret's hash left out. The channel is null for whoever may not see the
 * sender: "typed in by the village's officer" with the village names the PIMPASA, whose names are public.
 * `assigneeName`: the oversight officer who took the tip.
 */
export type OfficerTip = Omit<VillageTip, 'secretHash' | 'requestId' | 'channel'> & {
  channel: TipChannel | null;
  assigneeName: string | null;
  overdue: TipOverdue;
};

/** What of a tip the actor may see: the channel only with the right to the sender's identity. */
function forOfficer(
  actor: Actor,
  scope: readonly string[],
  tip: Omit<OfficerTip, 'overdue'>,
  today: IsoDate,
): OfficerTip {
  const identity = can(actor, 'tip.identity', { unitCode: tip.unitCode, scope });
  return { ...tip, channel: identity ? tip.channel : null, overdue: overdueOf(tip, today) };
}

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
  assigneeName: accounts.name,
};

export type TipFilters = { unitCode?: string; status?: TipStatus };

/** The tips of the officer's scope, the earliest triage deadline first (open before closed; the id settles ties). */
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
    .leftJoin(accounts, eq(accounts.id, villageTips.assignedTo))
    .where(
      and(inArray(villageTips.unitCode, units), filters.status ? eq(villageTips.status, filters.status) : undefined),
    )
    .orderBy(
      sql`${villageTips.status} = 'closed'`,
      asc(villageTips.triageDueOn),
      asc(villageTips.receivedAt),
      asc(villageTips.id),
    )
    .limit(limit);
  return rows.map((r) => forOfficer(actor, scope, r, today));
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

/**
 * The history as the actor may read it: why someone looked at the sender (it may name or quote them: "call Ibu
 * Maria back on 0813…") only for those who may see the sender; the others read that someone looked, and when.
 */
function historyFor(actor: Actor, tip: VillageTip, scope: readonly string[], history: TipHistoryEntry[]) {
  if (can(actor, 'tip.identity', { unitCode: tip.unitCode, scope })) return history;
  return history.map((h) => (h.type === 'reporter_shown' ? { ...h, payload: {} } : h));
}

/** One tip for its page or the API: its history, the steps the officer may take, the warnings raised from it. */
export async function describeTip(db: Executor, actor: Actor, tip: VillageTip, today: IsoDate): Promise<TipDetails> {
  const scope = actor.unitCode ? await unitScope(db, actor.unitCode) : [];
  const { secretHash: _secret, requestId: _request, ...rest } = tip;
  const [assignee] = tip.assignedTo
    ? await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, tip.assignedTo))
    : [];
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
    tip: forOfficer(actor, scope, { ...rest, assigneeName: assignee?.name ?? null }, today),
    place: tip.villageCode ? await findVillage(db, tip.villageCode) : undefined,
    history: historyFor(actor, tip, scope, await tipHistory(db, tip.id)),
    steps: tipStepsFor(actor, tip, scope),
    ...tipExtras(actor, tip, scope),
    warnings,
  };
}
