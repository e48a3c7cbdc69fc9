import { formatDay } from '../../platform/i18n/index.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { ComplaintFilters, OfficerComplaint } from '../list-complaints.ts';
import { complaintStatuses } from '../schema.ts';
import type { WhistleblowingDeadlines } from '../whistleblowing-deadlines.ts';

const day = (ctx: PageContext, date: string | null) => (date ? formatDay(ctx.lang, date) : '—');

/** The complaints the officer may see, with both deadlines and their overdue flags, filters and the CSV export. */
function Whistleblowing({ ctx, figures }: { ctx: PageContext; figures: WhistleblowingDeadlines }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="whistleblowing">
      <h2 id="whistleblowing">{t('complaints.officer.whistleTitle')}</h2>
      <p>{t('complaints.officer.whistleLead')}</p>
      <p>
        {t('complaints.officer.whistleCounts', {
          received: figures.received,
          open: figures.open,
          overdue: figures.overdue,
        })}
      </p>
      {figures.deadlines.length > 0 && (
        <ul>
          {figures.deadlines.map((d, i) => (
            <li key={i}>
              {day(ctx, d.dueOn)}
              {d.overdue && <strong class="tag">{` ${t('complaints.officer.overdue')}`}</strong>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OfficerListPage({
  ctx,
  complaints,
  filters,
  whistleblowing,
}: {
  ctx: PageContext;
  complaints: OfficerComplaint[];
  filters: ComplaintFilters;
  whistleblowing?: WhistleblowingDeadlines;
}) {
  const { t } = ctx;
  const query = new URLSearchParams(
    Object.entries({ unit: filters.unitCode, status: filters.status, from: filters.from, to: filters.to }).filter(
      (e): e is [string, string] => !!e[1],
    ),
  ).toString();
  return (
    <Layout ctx={ctx} title={t('complaints.officer.listTitle')}>
      <h1>{t('complaints.officer.listTitle')}</h1>
      <form method="get" action="/officer/complaints" class="filters">
        <label>
          {t('complaints.fields.unitCode')} <input name="unit" value={filters.unitCode ?? ''} />
        </label>
        <label>
          {t('complaints.fields.status')}{' '}
          <select name="status">
            <option value="">—</option>
            {complaintStatuses.map((s) => (
              <option key={s} value={s} selected={filters.status === s}>
                {t(`complaints.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('complaints.officer.from')} <input type="date" name="from" value={filters.from ?? ''} />
        </label>
        <label>
          {t('complaints.officer.to')} <input type="date" name="to" value={filters.to ?? ''} />
        </label>
        <button type="submit">{t('complaints.officer.filter')}</button>
      </form>
      <p>
        <a href={`/officer/complaints.csv${query ? `?${query}` : ''}`}>{t('complaints.officer.export')}</a>
      </p>
      {whistleblowing && <Whistleblowing ctx={ctx} figures={whistleblowing} />}
      {complaints.length === 0 ? (
        <p>{t('complaints.officer.none')}</p>
      ) : (
        <ScrollRegion label={t('complaints.officer.listTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('complaints.fields.trackingCode')}</th>
                <th scope="col">{t('complaints.fields.type')}</th>
                <th scope="col">{t('complaints.fields.unitCode')}</th>
                <th scope="col">{t('complaints.fields.status')}</th>
                <th scope="col">{t('complaints.fields.verifyDueOn')}</th>
                <th scope="col">{t('complaints.fields.answerDueOn')}</th>
              </tr>
            </thead>
            <tbody>
              {complaints.map((c) => (
                <tr key={c.id} class={c.overdue.verification || c.overdue.answer ? 'overdue' : undefined}>
                  <td>
                    <a href={`/officer/complaints/${c.id}`}>{c.trackingCode}</a>
                  </td>
                  <td>{t(`complaints.types.${c.type}`)}</td>
                  <td>{c.unitCode}</td>
                  <td>{t(`complaints.statuses.${c.status}`)}</td>
                  <td>
                    {day(ctx, c.verifyDueOn)}
                    {c.overdue.verification && <strong class="tag">{` ${t('complaints.officer.overdue')}`}</strong>}
                  </td>
                  <td>
                    {day(ctx, c.answerDueOn)}
                    {c.overdue.answer && <strong class="tag">{` ${t('complaints.officer.overdue')}`}</strong>}
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
