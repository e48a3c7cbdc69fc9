import type { Messages } from '../platform/i18n/messages.ts';
import type { stayPermits as id } from './messages.id.ts';

// Messages of the "stayPermits" namespace (English); the same keys as messages.id.ts.
export const stayPermits: Messages<typeof id> = {
  v: {
    untilBeforeFrom: 'The end date cannot be before the start date.',
    entryAfterFrom: 'The entry date cannot be after the permit starts.',
    basisForType: 'This entry basis does not fit this kind of permit.',
    sponsorOrResponsible: 'Give a sponsor or a responsible person, not both.',
    sponsorUnverified: 'This sponsor has not been verified by the immigration office.',
    sponsorRequired: 'This permit needs a sponsor, or a responsible person for a foreigner married to a citizen.',
    numberTaken: 'This permit number is already recorded.',
    overlaps: 'This foreigner already has an active permit in that period.',
    extendLater: 'The new end date must be after the current one.',
    notConvertible: 'This permit cannot change status to that type.',
    leaveBeforeFrom: 'The leave-by date cannot be before the permit starts.',
    paidAfterEnd: 'A payment after the permit ended does not hold off overstay.',
  },
};
