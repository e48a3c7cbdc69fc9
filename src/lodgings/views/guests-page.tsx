import { formatCalendarDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { RowButton, RowLink } from '../../platform/views/row-actions.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { GuestIn } from '../list-guests.ts';
import type { Lodging } from '../schema.ts';

type Props = { ctx: PageContext; lodging: Lodging; guests: GuestIn[]; checkedOut: boolean };

/** The guests checked in now, each with its receipt and a check-out button (no JavaScript needed). */
export function GuestsPage({ ctx, lodging, guests, checkedOut }: Props) {
  const { t, lang } = ctx;
  const base = `/lodgings/${lodging.id}`;
  return (
    <Layout ctx={ctx} title={t('lodgings.intake.lodging.guests')}>
      <p>
        <a href={base}>{lodging.name}</a>
      </p>
      <h1>{t('lodgings.intake.lodging.guests')}</h1>
      {checkedOut && (
        <p class="notice" role="status">
          {t('lodgings.intake.guests.checkedOut')}
        </p>
      )}
      <p>
        <a class="button" href={`${base}/check-in`}>
          {t('lodgings.intake.lodging.checkIn')}
        </a>
      </p>
      {guests.length === 0 ? (
        <p>{t('lodgings.intake.guests.none')}</p>
      ) : (
        <ScrollRegion label={t('lodgings.intake.lodging.guests')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('lodgings.intake.guests.guest')}</th>
                <th scope="col">{t('lodgings.intake.guests.room')}</th>
                <th scope="col">{t('lodgings.intake.guests.since')}</th>
                <th scope="col">{t('lodgings.intake.guests.until')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('lodgings.intake.guests.checkOut')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {guests.map(({ stay, guest }) => {
                const name = guest
                  ? `${guest.surname}, ${guest.givenNames} (${guest.nationality})`
                  : stay.documentNumber;
                return (
                  <tr key={stay.id}>
                    <th scope="row">{name}</th>
                    <td>{stay.room ?? '—'}</td>
                    <td>
                      {formatDateTime(lang, stay.checkInAt)}
                      {stay.late && ` (${t('lodgings.intake.guests.late')})`}
                    </td>
                    <td>{stay.expectedCheckOutOn ? formatCalendarDate(lang, stay.expectedCheckOutOn) : '—'}</td>
                    <td>
                      <RowLink
                        href={`${base}/guests/${stay.id}/receipt`}
                        label={t('lodgings.intake.guests.receipt')}
                        row={name}
                      />{' '}
                      <RowButton
                        ctx={ctx}
                        action={`${base}/guests/${stay.id}/check-out`}
                        label={t('lodgings.intake.guests.checkOut')}
                        row={name}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
