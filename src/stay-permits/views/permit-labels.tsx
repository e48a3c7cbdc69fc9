import type { Foreigner } from '../../foreigners/schema.ts';
import { formatCalendarDate } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { daysLeft } from '../days-left.ts';

/** The holder's name as the passport writes it: surname, then given names. */
export const holderName = (p: Pick<Foreigner, 'surname' | 'givenNames'>) =>
  [p.surname, p.givenNames].filter(Boolean).join(', ');

export const day = (ctx: PageContext, date: string | null) => (date ? formatCalendarDate(ctx.lang, date) : '—');

/** "12 days left" or "ended", for a permit's last day seen from today (WITA). */
export function DaysLeft({ ctx, validUntil, today }: { ctx: PageContext; validUntil: string; today: string }) {
  const n = daysLeft(validUntil, today);
  return <>{n < 0 ? ctx.t('stayPermits.sponsor.ended') : ctx.t('stayPermits.sponsor.daysLeft', { n })}</>;
}
