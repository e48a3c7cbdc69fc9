import type { PageContext } from '../../platform/views/context.ts';
import { weekdays, type OpeningHours } from '../schema.ts';

export function OpeningHoursTable({ ctx, hours }: { ctx: PageContext; hours: OpeningHours }) {
  const { t } = ctx;
  return (
    <table class="hours">
      <caption>{t('units.openingHours')}</caption>
      <tbody>
        {weekdays.map((day) => (
          <tr key={day}>
            <th scope="row">{t(`weekdays.${day}`)}</th>
            <td>{hours[day]?.length ? hours[day].map(([a, b]) => `${a}–${b}`).join(', ') + ' WITA' : t('units.closed')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
