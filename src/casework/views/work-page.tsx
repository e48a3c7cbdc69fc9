import { witaInstant } from '../../platform/calendar/wita.ts';
import { formatDate, formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { WorkFilters, WorkItem, WorkPage as Work } from '../work-queue.ts';

type Props = { ctx: PageContext; work: Work; filters: WorkFilters; units: Unit[] };

function DueText({ ctx, item }: { ctx: PageContext; item: WorkItem }) {
  const { t, lang } = ctx;
  if (!item.dueOn) return <>{t('casework.work.noDue')}</>;
  const date = formatDate(lang, witaInstant(item.dueOn));
  if (item.due === 'late') {
    const days = item.workingDaysLate;
    const text =
      days === 0
        ? t('casework.work.late', { date })
        : t(days === 1 ? 'casework.work.lateByOne' : 'casework.work.lateBy', { count: days, date });
    return <strong class="tag late">{text}</strong>;
  }
  return <>{item.due === 'today' ? t('casework.work.dueToday') : t('casework.work.dueOn', { date })}</>;
}

/** The same filters as the form, with another page number. */
function pageLink(filters: WorkFilters, page: number): string {
  const query = new URLSearchParams();
  if (filters.unit) query.set('unit', filters.unit);
  if (filters.status) query.set('status', filters.status);
  if (filters.mine) query.set('mine', '1');
  if (filters.overdue) query.set('overdue', '1');
  query.set('page', String(page));
  return `/officer/work?${query.toString()}`;
}

export function WorkQueuePage({ ctx, work, filters, units }: Props) {
  const { t, lang } = ctx;
  const me = ctx.actor?.id;
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  return (
    <Layout ctx={ctx} title={t('casework.work.title')}>
      <h1>{t('casework.work.title')}</h1>
      <p>{t('casework.work.lead')}</p>
      <p>
        <a href="/officer/search">{t('casework.work.search')}</a>
      </p>
      <form method="get" action="/officer/work">
        <div class="field">
          <label for="f-unit">{t('casework.work.unit')}</label>
          <select id="f-unit" name="unit">
            <option value="">{t('casework.work.allUnits')}</option>
            {units.map((u) => (
              <option key={u.code} value={u.code} selected={u.code === filters.unit}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-status">{t('casework.work.status')}</label>
          <select id="f-status" name="status">
            <option value="">{t('casework.work.allStatuses')}</option>
            {work.statuses.map((s) => (
              <option key={s} value={s} selected={s === filters.status}>
                {t(`applications.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="check" for="f-mine">
            <input type="checkbox" id="f-mine" name="mine" value="1" checked={filters.mine} /> {t('casework.work.mine')}
          </label>
          <label class="check" for="f-overdue">
            <input type="checkbox" id="f-overdue" name="overdue" value="1" checked={filters.overdue} />{' '}
            {t('casework.work.overdue')}
          </label>
        </div>
        <button type="submit" class="secondary">
          {t('casework.work.show')}
        </button>
      </form>
      {work.items.length === 0 ? (
        <p>{t('casework.work.none')}</p>
      ) : (
        <table>
          <caption>{t('casework.work.caption', { page: work.page })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casework.work.trackingCode')}</th>
              <th scope="col">{t('casework.work.name')}</th>
              <th scope="col">{t('casework.work.status')}</th>
              <th scope="col">{t('casework.work.unit')}</th>
              <th scope="col">{t('casework.work.waitingSince')}</th>
              <th scope="col">{t('casework.work.due')}</th>
              <th scope="col">{t('casework.work.holder')}</th>
            </tr>
          </thead>
          <tbody>
            {work.items.map((item) => (
              <tr key={item.id} class={item.due === 'late' ? 'late' : undefined}>
                <td>
                  <a href={`/officer/cases/${item.id}`}>
                    <code>{item.trackingCode}</code>
                  </a>
                </td>
                <td>{item.fullName ?? '—'}</td>
                <td>{t(`applications.statuses.${item.status}`)}</td>
                <td>{unitName.get(item.unitCode) ?? item.unitCode}</td>
                <td>{formatDateTime(lang, item.statusAt)}</td>
                <td>
                  <DueText ctx={ctx} item={item} />
                </td>
                <td>
                  {!item.holder
                    ? t('casework.work.nobody')
                    : item.holder.id === me
                      ? t('casework.work.you')
                      : item.holder.name}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pages">
        {work.page > 1 && <a href={pageLink(filters, work.page - 1)}>{t('casework.work.previous')}</a>}{' '}
        {work.hasNext && <a href={pageLink(filters, work.page + 1)}>{t('casework.work.next')}</a>}
      </nav>
    </Layout>
  );
}
