import type { Actor } from '../platform/auth/actor.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';
import { listAdoptedVillages, villagesOfOfficer, type AdoptedVillageView } from './list-adopted-villages.ts';
import { authorizeRole, can, roleMay } from './policy.ts';
import { summariseVillages, type Period, type VillageSummary } from './village-activities.ts';
import type { VillageSignalsOf } from './village-signals.ts';

export type OfficeOverview = {
  villages: AdoptedVillageView[];
  summaries: Map<string, VillageSummary>;
  scope: string[];
};

/**
 * The villages an officer follows, with the period's figures: every village of the offices in their scope for the
 * head, admins and oversight officers, and the villages they are PIMPASA of for anyone on the staff. The signals are
 * counted only for the villages the officer may read them of (`adopted_village.signals`).
 */
export async function officeOverview(
  db: Executor,
  actor: Actor,
  period: Period,
  today: IsoDate,
  signalsOf: VillageSignalsOf,
): Promise<OfficeOverview> {
  authorizeRole(actor, 'adopted_village.view');
  const [scope, own] = await Promise.all([actorScope(db, actor), villagesOfOfficer(db, actor.id, today)]);
  const [inScope, mine] = await Promise.all([
    roleMay(actor, 'adopted_village.view') ? listAdoptedVillages(db, { unitCodes: scope }, today) : [],
    own.length > 0 ? listAdoptedVillages(db, { villageCodes: own }, today) : [],
  ]);
  const villages = [...new Map([...inScope, ...mine].map((v) => [v.villageCode, v])).values()].sort((a, b) =>
    a.villageCode.localeCompare(b.villageCode),
  );
  const signalCodes = villages
    .filter((v) => can(actor, 'adopted_village.signals', { unitCode: v.unitCode, scope }))
    .map((v) => v.villageCode);
  const summaries = await summariseVillages(
    db,
    villages.map((v) => v.villageCode),
    period,
    signalsOf,
    signalCodes,
  );
  return { villages, summaries, scope };
}
