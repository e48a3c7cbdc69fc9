import { formatHourMinute } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { weekdays, type OpeningHours } from '../schema.ts';

export function OpeningHoursTable({ ctx, hours }: { ctx: PageContext; hours: OpeningHours }) {
  const { t, lang } = ctx;
  return (
    <table class="hours">
      <caption>{t('units.openingHours')}</caption>
      <tbody>
        {weekdays.map((day) => (
          <tr key={day}>
            <th scope="row">{t(`weekdays.${day}`)}</th>
            <td>
              {hours[day]?.length
                ? hours[day].map(([a, b]) => `${formatHourMinute(lang, a)}–${formatHourMinute(lang, b)}`).join(', ') +
                  ' WITA'
                : t('units.closed')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
