import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';

/**
 * What the features above this one know of a village's people in a period: passport applications from it, the
 * deferrals and their reason codes, the tips from it and the warnings still open. Counts only, never a person.
 */
export type VillageSignals = {
  applications: number;
  /** Per reason, with its name in both languages as the deferral reasons' table keeps it. */
  deferrals: { reasonCode: string; name: { id: string; en: string }; count: number }[];
  tips: number;
  openWarnings: number;
};

/**
 * The signals per village code. Applications, cases and tips sit above this feature, so `app.ts` composes this
 * function from their queries and hands it to `registerAdoptedVillages`; a village missing from the map has none.
 */
export type VillageSignalsOf = (
  db: Executor,
  villageCodes: string[],
  period: { from: IsoDate; to: IsoDate },
) => Promise<Map<string, VillageSignals>>;

export const emptySignals: VillageSignals = { applications: 0, deferrals: [], tips: 0, openWarnings: 0 };
