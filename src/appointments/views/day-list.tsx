import type { PageContext } from '../../platform/views/context.ts';
import type { FormState } from '../../platform/views/form.tsx';
import type { CalendarDay } from '../booking-calendar.ts';
import { formatDay } from '../../platform/i18n/index.ts';

type Props = {
  ctx: PageContext;
  days: CalendarDay[];
  state: FormState;
  /** The id of the form that full days' "join the waiting list" buttons submit, if they get one. */
  waitlistForm?: string;
};

/**
 * The dates as a list of radio buttons, one per bookable day. Colour marks the state (green open, red full or
 * closed), and the state is always written out too, for people who do not see colour.
 */
export function DayList({ ctx, days, state, waitlistForm }: Props) {
  const { t, lang } = ctx;
  const error = state.errors?.date;
  const firstOpen = days.find((d) => d.state === 'open')?.date;
  return (
    <fieldset
      id={firstOpen ? undefined : 'f-date'}
      class={error ? 'field has-error' : 'field'}
      aria-describedby={error ? 'f-date-error' : undefined}
    >
      <legend>{t('booking.days.legend')}</legend>
      {error && (
        <p class="error" id="f-date-error">
          {error}
        </p>
      )}
      <ul class="days">
        {days.map((day) => {
          const name = formatDay(lang, day.date);
          const id = day.date === firstOpen ? 'f-date' : `f-date-${day.date}`;
          return (
            <li key={day.date} class={`day day-${day.state}`}>
              {day.state === 'open' ? (
                <label class="check" for={id}>
                  <input type="radio" id={id} name="date" value={day.date} checked={state.values?.date === day.date} />
                  <span class="day-name">{name}</span>
                  <span class="day-status">{t('booking.days.open', { count: day.remaining })}</span>
                </label>
              ) : (
                <>
                  <span class="day-name">{name}</span>
                  <span class="day-status">{t(`booking.days.${day.state}`)}</span>
                  {day.state === 'full' && waitlistForm && (
                    <button type="submit" class="secondary" form={waitlistForm} name="date" value={day.date}>
                      {t('booking.waitlist.join')}
                      <span class="visually-hidden">{`: ${name}`}</span>
                    </button>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
