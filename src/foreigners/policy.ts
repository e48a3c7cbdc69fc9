import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type ForeignerAction =
  'foreigner.view' | 'foreigner.recordDeparture' | 'foreigner.recordArrival' | 'foreigner.addDocument';

const readers = new Set(['head_of_office', 'oversight_officer', 'verifier', 'adjudicator', 'counter_officer']);
/** Who records what they see of a person at the counter, the crossing desk or in the field: departures, arrivals, a
 * renewed passport. */
const recorders = new Set(['head_of_office', 'oversight_officer', 'counter_officer']);

/**
 * Foreigners are one register for the region (a person lodged in Labuan Bajo and seen in Kupang is one record), read
 * by the officers who serve or oversee them. Admins run the system and auditors read figures; partners see lodged
 * foreigners only through lodgings' grants.
 */
export function can(actor: Actor | null, action: ForeignerAction): boolean {
  if (actor?.kind !== 'officer' || !actor.role) return false;
  return (action === 'foreigner.view' ? readers : recorders).has(actor.role);
}

export function authorize(actor: Actor | null, action: ForeignerAction): void {
  if (!can(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
