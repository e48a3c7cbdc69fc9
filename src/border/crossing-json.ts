import type { Lang, T } from '../platform/i18n/index.ts';
import type { CrossingView } from './view-crossing.ts';
import { reasonText } from './views/reason-text.ts';

/** A crossing as the API answers it: the verdict with its reasons in the caller's language, no ban's details. */
export function crossingJson({ crossing: c, charges }: Pick<CrossingView, 'crossing' | 'charges'>, t: T, lang: Lang) {
  return {
    id: c.id,
    pointCode: c.pointCode,
    direction: c.direction,
    travellerKind: c.travellerKind,
    documentKind: c.documentKind,
    documentNumber: c.documentNumber,
    nationality: c.nationality,
    fullName: c.fullName,
    birthDate: c.birthDate,
    crossedOn: c.crossedOn,
    verdict: c.verdict,
    reasons: c.reasons.map((r) => ({ ...r, text: reasonText(t, lang, r) })),
    status: c.status,
    returnBy: c.returnBy,
    charges: charges.map((ch) => ({ days: ch.days, amount: ch.amount, billingCode: ch.billingCode })),
  };
}
