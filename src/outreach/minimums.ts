/**
 * The fewest expected participants a unit accepts for an Eazy Paspor session. There is no column for it on `units`
 * yet, so the per-unit setting lives here: units not listed take the default of 30.
 */
export const DEFAULT_MINIMUM_PARTICIPANTS = 30;

const perUnit: Readonly<Record<string, number>> = {};

export function minimumParticipants(unitCode: string): number {
  return perUnit[unitCode] ?? DEFAULT_MINIMUM_PARTICIPANTS;
}
