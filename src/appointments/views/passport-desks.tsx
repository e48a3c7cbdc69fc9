import { addDays, dayOfWeek, witaDate } from '../../platform/calendar/wita.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { PassportDesk } from '../passport-desks.ts';

/** The officer home's table of passport offices with links to the booking pages the officer may open. */
export function PassportDesks({ ctx, desks }: { ctx: PageContext; desks: PassportDesk[] }) {
  const { t } = ctx;
  const today = witaDate();
  const nextSaturday = addDays(today, (6 - dayOfWeek(today) + 7) % 7);
  const link = (show: boolean, href: string, text: string, unit: string) =>
    show && (
      <li>
        <a href={href}>
          {text}
          <span class="visually-hidden"> {unit}</span>
        </a>
      </li>
    );
  return (
    <>
      <h2>{t('counterDesk.home.title')}</h2>
      <p>{t('counterDesk.home.lead')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('counterDesk.home.unit')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {desks.map(({ unit, quotas, stock, dayList, books, pickupCapacity, pickupList, calendar, kits }) => (
            <tr key={unit.code}>
              <th scope="row">{unit.name}</th>
              <td>
                <ul>
                  {link(dayList, `/officer/units/${unit.code}/appointments`, t('counterDesk.home.dayList'), unit.name)}
                  {link(quotas, `/officer/units/${unit.code}/quotas`, t('counterDesk.home.quotas'), unit.name)}
                  {link(stock, `/officer/units/${unit.code}/stock`, t('counterDesk.home.stock'), unit.name)}
                  {link(books, `/officer/units/${unit.code}/books`, t('counterDesk.home.books'), unit.name)}
                  {link(pickupCapacity, `/officer/units/${unit.code}/saturday-pickups`, t('counterDesk.home.pickupCapacity'), unit.name)}
                  {link(pickupList, `/officer/units/${unit.code}/saturday-pickups/${nextSaturday}`, t('counterDesk.home.pickupList'), unit.name)}
                  {link(calendar, `/officer/units/${unit.code}/calendar`, t('roster.home.calendar'), unit.name)}
                  {link(kits, `/officer/units/${unit.code}/kits`, t('roster.home.kits'), unit.name)}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
