import { formatDay, formatMonth } from '../../platform/i18n/index.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { dayOfWeek, weekdays } from '../../platform/calendar/wita.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { CounterOfficer } from '../counter-officers.ts';
import type { CalendarDay } from '../unit-calendar.ts';
import { RowButton } from '../../platform/views/row-actions.tsx';
import { formText } from '../../platform/http/fields.ts';

type Props = {
  ctx: PageContext;
  unit: Unit;
  month: string;
  /** Duties before today are the record of who served: no remove button. */
  today: string;
  days: CalendarDay[];
  /** Set for those who may plan: the officers who can be put on counter duty. */
  officers: CounterOfficer[] | null;
  state: FormState;
  notice?: string;
};

export const shiftMonth = (month: string, by: number) => {
  const d = new Date(`${month}-01T00:00:00.000Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
};

/** The head of office's month: a week per row, Monday first; each day lists who and what is where. */
export function CalendarPage({ ctx, unit, month, today, days, officers, state, notice }: Props) {
  const { t, lang } = ctx;
  const monthName = formatMonth(lang, month);
  const title = t('roster.calendar.title', { unit: unit.name, month: monthName });
  const base = `/officer/units/${unit.code}/calendar`;
  const lead = (dayOfWeek(days[0]!.date) + 6) % 7;
  const cells: (CalendarDay | null)[] = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const nameOf = new Map((officers ?? []).map((o) => [o.id, o.name]));
  const labels: Record<string, string> = {
    from: t('roster.calendar.from'),
    to: t('roster.calendar.to'),
    officerIds: t('roster.calendar.officers'),
  };
  for (const key of Object.keys(state.errors ?? {}).filter((k) => k.startsWith('officer:'))) {
    const name = nameOf.get(key.slice('officer:'.length)) ?? key;
    labels[key] = state.values?.busyDate
      ? t('roster.calendar.busyOn', { name, date: formatDay(lang, formText(state.values.busyDate)) })
      : name;
  }
  const chosen = new Set([state.values?.officerIds ?? []].flat().map(String));

  const Day = ({ day }: { day: CalendarDay }) => (
    <>
      <strong>
        <time datetime={day.date}>{Number(day.date.slice(8))}</time>
      </strong>
      {day.closed && (
        <p class="closed">
          {t('roster.calendar.closed')}: {day.closed === 'weekend' ? t('roster.calendar.weekend') : day.closed}
        </p>
      )}
      {(day.counter.length > 0 ||
        day.sessions.length > 0 ||
        day.visits.length > 0 ||
        day.villages.length > 0 ||
        day.pickup) && (
        <ul>
          {day.counter.map((c) => (
            <li key={c.dutyId}>
              {t('roster.calendar.counter')}: {c.officerName}
              {officers && day.date >= today && (
                <RowButton
                  ctx={ctx}
                  action={`${base}/duties/${c.dutyId}/remove`}
                  label={t('roster.calendar.remove')}
                  row={t('roster.calendar.removeLabel', { name: c.officerName, date: formatDay(lang, day.date) })}
                />
              )}
            </li>
          ))}
          {day.sessions.map((s) => (
            <li key={s.refId}>
              <a href={`/officer/outreach/sessions/${s.refId}`}>{t('roster.calendar.session')}</a>:{' '}
              {[...s.officers, ...s.kits].join(', ')}
            </li>
          ))}
          {day.visits.map((v) => (
            <li key={v.refId}>
              <a href={`/officer/home-visits/${v.refId}`}>{t('roster.calendar.visit')}</a>:{' '}
              {[...v.officers, ...v.kits].join(', ')}
            </li>
          ))}
          {day.villages.map((v) => (
            <li key={v.refId}>
              <a href={`/officer/desa-binaan/activities/${v.refId}`}>{t('roster.calendar.village')}</a>:{' '}
              {v.officers.join(', ')}
            </li>
          ))}
          {day.pickup && (
            <li>{t('roster.calendar.pickup', { booked: day.pickup.booked, capacity: day.pickup.capacity })}</li>
          )}
        </ul>
      )}
    </>
  );

  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <p>{t('roster.calendar.lead')}</p>
      <p>
        <a href={`${base}?month=${shiftMonth(month, -1)}`}>{t('roster.calendar.previous')}</a> ·{' '}
        <a href={`${base}?month=${shiftMonth(month, 1)}`}>{t('roster.calendar.next')}</a> ·{' '}
        <a href={`/officer/units/${unit.code}/kits`}>{t('roster.calendar.kits')}</a>
      </p>
      <ScrollRegion label={monthName}>
        <table class="calendar">
          <caption>{monthName}</caption>
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th scope="col" key={d}>
                  {t(`weekdays.${d}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.find(Boolean)!.date}>
                {week.map((day, i) => (
                  <td key={day?.date ?? `pad-${i}`} class={day?.closed ? 'closed' : undefined}>
                    {day && <Day day={day} />}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {officers && (
        <>
          <h2>{t('roster.calendar.assignTitle')}</h2>
          <p>{t('roster.calendar.assignLead')}</p>
          <form method="post" action={`${base}/counter-duty`} novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <Field name="from" label={t('roster.calendar.from')} state={state} type="date" required />
            <Field name="to" label={t('roster.calendar.to')} state={state} type="date" required />
            <fieldset id="f-officerIds" class={state.errors?.officerIds ? 'field has-error' : 'field'}>
              <legend>{t('roster.calendar.officers')}</legend>
              {state.errors?.officerIds && <p class="error">{state.errors.officerIds}</p>}
              {officers.map((o) => (
                <label key={o.id}>
                  <input
                    type="checkbox"
                    id={`f-officer:${o.id}`}
                    name="officerIds"
                    value={o.id}
                    checked={chosen.has(o.id)}
                  />{' '}
                  {o.name}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t('roster.calendar.assign')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
