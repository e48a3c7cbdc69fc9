import { formatDay, formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { VisitHistoryEntry } from '../visit-actions.ts';

export const day = (ctx: PageContext, date: string | null) => (date ? formatDay(ctx.lang, date) : '—');

/** The visit's history as the requester and the officers see it: what happened, when, and the reason or note. */
export function History({ ctx, history }: { ctx: PageContext; history: VisitHistoryEntry[] }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('homeVisits.history.title')}</h2>
      <ol class="history">
        {history.map((h, i) => {
          const why = h.payload.reason ?? h.payload.note;
          const date = typeof h.payload.date === 'string' && h.type !== 'visited' ? ` ${day(ctx, h.payload.date)}` : '';
          return (
            <li key={i}>
              <time>{formatDateTime(ctx.lang, h.at)}</time> {t(`homeVisits.history.${h.type}`)}
              {date}
              {typeof why === 'string' && h.type !== 'requested' ? `: ${why}` : ''}
            </li>
          );
        })}
      </ol>
    </>
  );
}
