import { formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { OfficerTip, TipFilters } from '../list-tips.ts';
import { tipStatuses } from '../schema.ts';

/** The office's queue: deadlines with the overdue marked, filters; never who sent a tip. */
export function OfficerTipsPage({
  ctx,
  tips,
  filters,
  mayRecord,
}: {
  ctx: PageContext;
  tips: OfficerTip[];
  filters: TipFilters;
  mayRecord: boolean;
}) {
  const { t, lang } = ctx;
  const overdue = <strong class="tag">{` ${t('villageTips.officer.overdue')}`}</strong>;
  return (
    <Layout ctx={ctx} title={t('villageTips.officer.listTitle')}>
      <h1>{t('villageTips.officer.listTitle')}</h1>
      <p>
        <a href="/officer/desa-binaan/warnings">{t('villageTips.officer.warningsLink')}</a>
        {mayRecord && (
          <>
            {' · '}
            <a href="/desa-binaan/lapor">{t('villageTips.officer.recordTip')}</a>
          </>
        )}
      </p>
      <form method="get" action="/officer/desa-binaan/tips" class="filters">
        <label>
          {t('villageTips.fields.unitCode')} <input name="unit" value={filters.unitCode ?? ''} />
        </label>
        <label>
          {t('villageTips.fields.status')}{' '}
          <select name="status">
            <option value="">—</option>
            {tipStatuses.map((s) => (
              <option key={s} value={s} selected={filters.status === s}>
                {t(`villageTips.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('villageTips.officer.filter')}</button>
      </form>
      {tips.length === 0 ? (
        <p>{t('villageTips.officer.none')}</p>
      ) : (
        <ScrollRegion label={t('villageTips.officer.listTitle')}>
          <table>
            <thead>
              <tr>
                <th>{t('villageTips.fields.trackingCode')}</th>
                <th>{t('villageTips.fields.kind')}</th>
                <th>{t('villageTips.fields.unitCode')}</th>
                <th>{t('villageTips.fields.status')}</th>
                <th>{t('villageTips.fields.assignee')}</th>
                <th>{t('villageTips.fields.triageDueOn')}</th>
                <th>{t('villageTips.fields.closeDueOn')}</th>
              </tr>
            </thead>
            <tbody>
              {tips.map((tip) => (
                <tr key={tip.id}>
                  <td>
                    <a href={`/officer/desa-binaan/tips/${tip.id}`}>{tip.trackingCode}</a>
                  </td>
                  <td>{t(`villageTips.kinds.${tip.kind}`)}</td>
                  <td>{tip.unitCode}</td>
                  <td>
                    {t(`villageTips.statuses.${tip.status}`)}
                    {tip.outcome && ` (${t(`villageTips.outcomes.${tip.outcome}`)})`}
                  </td>
                  <td>{tip.assigneeName ?? '—'}</td>
                  <td>
                    {formatDay(lang, tip.triageDueOn)}
                    {tip.overdue.triage && overdue}
                  </td>
                  <td>
                    {formatDay(lang, tip.closeDueOn)}
                    {tip.overdue.close && overdue}
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
