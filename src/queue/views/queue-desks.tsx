import type { PageContext } from '../../platform/views/context.ts';
import type { Unit } from '../../units/schema.ts';

/** The officer home's list of receptions, counters and call displays the officer may open. */
export function QueueDesks({ ctx, units }: { ctx: PageContext; units: Unit[] }) {
  const { t } = ctx;
  if (units.length === 0) return null;
  const link = (href: string, text: string, unit: string) => (
    <li>
      <a href={href}>
        {text}
        <span class="visually-hidden"> {unit}</span>
      </a>
    </li>
  );
  return (
    <>
      <h2>{t('queue.home.title')}</h2>
      <p>{t('queue.home.lead')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('queue.home.unit')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.code}>
              <th scope="row">{unit.name}</th>
              <td>
                <ul>
                  {link(`/officer/units/${unit.code}/reception`, t('queue.home.reception'), unit.name)}
                  {link(`/officer/units/${unit.code}/counter`, t('queue.home.counter'), unit.name)}
                  {link(`/units/${unit.code}/antrian`, t('queue.home.display'), unit.name)}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
