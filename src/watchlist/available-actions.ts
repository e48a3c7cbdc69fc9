import type { IsoDate } from '../platform/calendar/wita.ts';
import type { BanRule, WatchlistEntry } from './schema.ts';

export type EntryStatus = 'active' | 'upcoming' | 'ended' | 'lifted';
type Dated = Pick<WatchlistEntry, 'liftedAt' | 'validFrom' | 'validUntil' | 'extensions'>;

/** Where an entry stands on a day: lifted, ended after its last day, not yet begun, or in force. */
export function entryStatus(entry: Dated, today: IsoDate): EntryStatus {
  if (entry.liftedAt) return 'lifted';
  if (entry.validUntil < today) return 'ended';
  return entry.validFrom > today ? 'upcoming' : 'active';
}

/**
 * What a keeper may still do with an entry: extend one in force or to begin, with extensions left under
 * the rule; lift any not lifted. The use cases refuse the rest; the list's page offers only these.
 */
export function availableActions(entry: Dated, rule: BanRule, today: IsoDate): ('extend' | 'lift')[] {
  const status = entryStatus(entry, today);
  const actions: ('extend' | 'lift')[] = [];
  const running = status === 'active' || status === 'upcoming';
  if (running && entry.extensions < rule.maxExtensions) actions.push('extend');
  if (status !== 'lifted') actions.push('lift');
  return actions;
}
