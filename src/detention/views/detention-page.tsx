import { formatCalendarDate, formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { DetaineeRow } from '../list-detainees.ts';
import type { DetentionAlert } from '../schema.ts';

type Props = { ctx: PageContext; rows: DetaineeRow[]; alerts: DetentionAlert[]; canPlace: boolean };

export const nameOf = (p: { surname: string; givenNames: string; nationality: string } | null) =>
  p ? `${p.surname}, ${p.givenNames} (${p.nationality})` : '—';

function Alerts({ ctx, alerts }: { ctx: PageContext; alerts: DetentionAlert[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="alerts">
      <h2 id="alerts">{t('detention.alerts.title')}</h2>
      {alerts.length === 0 ? (
        <p>{t('detention.alerts.none')}</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={a.id}>
              {formatCalendarDate(ctx.lang, a.raisedOn)}: {t(`detention.alertKinds.${a.kind}`, { key: a.key })}{' '}
              <a
                href={
                  a.kind === 'missed_reports'
                    ? `/officer/refugees/${a.subjectId}`
                    : `/officer/detention/detainees/${a.subjectId}`
                }
              >
                {t('detention.open')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The detainees the officer may read, with the day count against Pasal 85, and the scan's alerts. */
export function DetentionPage({ ctx, rows, alerts, canPlace }: Props) {
  const { t } = ctx;
  const caption = t('detention.count', { n: rows.length });
  return (
    <Layout ctx={ctx} title={t('detention.title')}>
      <h1>{t('detention.title')}</h1>
      <p class="lead">{t('detention.lead')}</p>
      <p class="notice">{t('detention.audited')}</p>
      <p>
        {canPlace && (
          <>
            <a href="/officer/detention/new">{t('detention.placement.title')}</a> ·{' '}
          </>
        )}
        <a href="/officer/detention/occupancy">{t('detention.occupancy.title')}</a> ·{' '}
        <a href="/officer/refugees">{t('detention.refugees.title')}</a>
      </p>
      <Alerts ctx={ctx} alerts={alerts} />
      <h2>{t('detention.current')}</h2>
      {rows.length === 0 ? (
        <p>{t('detention.none')}</p>
      ) : (
        <ScrollRegion label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {['person', 'authority', 'block', 'placedOn', 'days', 'reviewDue', 'status'].map((c) => (
                  <th key={c} scope="col">
                    {t(`detention.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/officer/detention/detainees/${r.id}`}>{nameOf(r.person)}</a>
                  </td>
                  <td>
                    {r.authorityUnitCode === r.unitCode
                      ? r.unitCode
                      : t('detention.titipan', { unit: r.authorityUnitCode })}
                  </td>
                  <td>
                    {t(`detention.blocks.${r.block}`)}
                    {r.room ? ` ${r.room}` : ''}
                  </td>
                  <td>{formatCalendarDate(ctx.lang, r.placedOn)}</td>
                  <td>
                    {formatNumber(ctx.lang, r.days)}{' '}
                    <small>{t('detention.limitOn', { on: formatCalendarDate(ctx.lang, r.limitOn) })}</small>
                  </td>
                  <td>{r.reviewDueOn ? formatCalendarDate(ctx.lang, r.reviewDueOn) : '—'}</td>
                  <td>{t(`detention.statuses.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
