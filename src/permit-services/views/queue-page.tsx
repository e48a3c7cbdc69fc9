import { formatDay } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { QueueRow } from '../list-work-queue.ts';

/** The unit's open applications with their SLA date, the overdue ones marked. */
export function QueuePage({ ctx, rows }: { ctx: PageContext; rows: QueueRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('permitServices.queue.title')}>
      <h1>{t('permitServices.queue.title')}</h1>
      <p class="lead">{t('permitServices.queue.lead')}</p>
      {rows.length === 0 ? (
        <p>{t('permitServices.queue.none')}</p>
      ) : (
        <ScrollRegion label={t('permitServices.queue.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('permitServices.queue.service')}</th>
                <th scope="col">{t('permitServices.queue.status')}</th>
                <th scope="col">{t('permitServices.queue.filedOn')}</th>
                <th scope="col">{t('permitServices.queue.dueOn')}</th>
                <th scope="col">{t('permitServices.queue.left')}</th>
                <th scope="col">{t('permitServices.queue.biometricsOn')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} class={r.overdue ? 'overdue' : undefined}>
                  <td>{t(`permitServices.services.${r.service}`)}</td>
                  <td>{t(`permitServices.statuses.${r.status}`)}</td>
                  <td>{formatDay(ctx.lang, r.filedOn)}</td>
                  <td>
                    {r.dueOn ? formatDay(ctx.lang, r.dueOn) : '—'}
                    {r.overdue && <strong> {t('permitServices.queue.overdue')}</strong>}
                  </td>
                  <td>{r.workingDaysLeft ?? '—'}</td>
                  <td>{r.biometricsOn ? formatDay(ctx.lang, r.biometricsOn) : '—'}</td>
                  <td>
                    <a href={`/officer/stay-permit-services/${r.id}`}>{t('permitServices.queue.open')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
