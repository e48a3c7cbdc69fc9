import { SMALL_COUNT } from '../transparency/small-counts.ts';

const small = (n: number) => n > 0 && n < SMALL_COUNT;

/**
 * Offices' IKM beside the region's: the region's respondents and mean, less the published offices', would give back
 * a left-out office's mean. So when offices are left out for too few respondents, the next smallest are left out with
 * them until those left out hold at least SMALL_COUNT respondents together (a region of fewer is left out by the rule
 * itself).
 */
export function complementIkm<T extends { respondents: number }>(offices: readonly T[]): T[] {
  const hidden = new Set(offices.filter((o) => small(o.respondents)));
  const rest = offices.filter((o) => o.respondents >= SMALL_COUNT).sort((a, b) => a.respondents - b.respondents);
  const sum = () => [...hidden].reduce((n, o) => n + o.respondents, 0);
  while (hidden.size > 0 && sum() < SMALL_COUNT && rest.length > 0) hidden.add(rest.shift()!);
  return offices.filter((o) => !hidden.has(o));
}
