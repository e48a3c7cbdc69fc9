import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { Unit } from '../../units/schema.ts';
import { weekdayOf, witaInstant } from '../../platform/calendar/wita.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { HolidayRow } from '../list-holidays.ts';
import type { HolidayKind } from '../schema.ts';
import { HolidayFields, holidayLabels } from './holiday-fields.tsx';
import { RowLink } from '../../platform/views/row-actions.tsx';

type Props = {
  ctx: PageContext;
  year: number;
  rows: (HolidayRow & { editable: boolean })[];
  kinds: HolidayKind[];
  units: Unit[];
  state: FormState;
};

export function HolidaysPage({ ctx, year, rows, kinds, units, state }: Props) {
  const { t, lang } = ctx;
  const title = t('holidays.title', { year });
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      {ctx.path.includes('saved=1') && (
        <p class="notice" role="status">
          {t('counterDesk.saved')}
        </p>
      )}
      <p>{t('holidays.lead')}</p>
      <nav aria-label={t('holidays.years')}>
        <a href={`/admin/holidays?year=${year - 1}`}>{t('holidays.previousYear', { year: year - 1 })}</a>
        {' · '}
        <a href={`/admin/holidays?year=${year + 1}`}>{t('holidays.nextYear', { year: year + 1 })}</a>
      </nav>
      {rows.length === 0 ? (
        <p>{t('holidays.none')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('holidays.date')}</th>
                <th scope="col">{t('holidays.name')}</th>
                <th scope="col">{t('holidays.kind')}</th>
                <th scope="col">{t('holidays.unit')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((h) => (
                <tr key={h.id}>
                  <td>{`${t(`weekdays.${weekdayOf(h.date)}`)}, ${formatDate(lang, witaInstant(h.date))}`}</td>
                  <td>{h.name}</td>
                  <td>{t(`holidays.kinds.${h.kind}`)}</td>
                  <td>{h.unitName ?? (h.unitCode === null ? t('holidays.allUnits') : h.unitCode)}</td>
                  <td>
                    {h.editable && (
                      <RowLink href={`/admin/holidays/${h.id}/edit`} label={t('holidays.edit')} row={h.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h2>{t('holidays.addTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={holidayLabels(ctx)} />
      <Form ctx={ctx} action="/admin/holidays" submit={t('holidays.add')}>
        <HolidayFields ctx={ctx} state={state} kinds={kinds} units={units} />
      </Form>
    </Layout>
  );
}
