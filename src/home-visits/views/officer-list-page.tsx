import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { ListedVisit } from '../get-home-visit.ts';
import { day } from './parts.tsx';

/** The units' si Koe Peduli requests: the overdue first, each with its answer deadline. */
export function OfficerListPage({ ctx, visits }: { ctx: PageContext; visits: ListedVisit[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('homeVisits.officer.listTitle')}>
      <h1>{t('homeVisits.officer.listTitle')}</h1>
      {visits.length === 0 ? (
        <p>{t('homeVisits.officer.none')}</p>
      ) : (
        <ScrollRegion label={t('homeVisits.officer.listTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('homeVisits.status.applicant')}</th>
                <th scope="col">{t('homeVisits.fields.reason')}</th>
                <th scope="col">{t('homeVisits.fields.unitCode')}</th>
                <th scope="col">{t('homeVisits.status.state')}</th>
                <th scope="col">{t('homeVisits.officer.deadline')}</th>
                <th scope="col">{t('homeVisits.status.visitDate')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.id} class={v.overdue ? 'overdue' : undefined}>
                  <td>{v.applicantName}</td>
                  <td>{t(`homeVisits.reasons.${v.reason}`)}</td>
                  <td>{v.unitCode}</td>
                  <td>
                    {t(`homeVisits.statuses.${v.status}`)}
                    {v.overdue && <strong class="tag">{` ${t('homeVisits.officer.overdue')}`}</strong>}
                  </td>
                  <td>{v.answeredAt ? '—' : day(ctx, v.answerDueOn)}</td>
                  <td>{v.visitDate ? day(ctx, v.visitDate) : '—'}</td>
                  <td>
                    <a href={`/officer/home-visits/${v.id}`}>{`${t('homeVisits.officer.open')} ${v.trackingCode}`}</a>
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
