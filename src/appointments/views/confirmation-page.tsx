import { formatDateTime, formatRupiah, formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { OfficeContactFacts } from '../../units/views/office-contact.tsx';
import type { BookingAssets } from '../booking-asset-routes.ts';
import type { BookingDetails } from '../booking-details.ts';
import { openingHoursOn } from '../opening-hours.ts';

type Props = {
  ctx: PageContext;
  details: BookingDetails;
  qrImage: string;
  assets: BookingAssets;
  canReschedule: boolean;
};

export function ConfirmationPage({ ctx, details, qrImage, assets, canReschedule }: Props) {
  const { t, lang } = ctx;
  const { application, appointment, billing, unit } = details;
  const base = `/applications/${application.id}/appointment`;
  const hours = openingHoursOn(unit, appointment.date, lang);
  // Checked in at reception: the page stays the applicant's record, but the QR admits nobody and nothing can change.
  const attended = appointment.state === 'attended';
  const lead = attended
    ? t('booking.confirmation.attendedLead')
    : billing.paidAt
      ? t('booking.confirmation.paidLead')
      : t('booking.confirmation.lead');
  return (
    <Layout ctx={ctx} title={t('booking.confirmation.title')}>
      <link rel="stylesheet" href={assets.css} />
      <h1>{t('booking.confirmation.title')}</h1>
      <p class="notice" role="status">
        {lead}
      </p>
      <dl class="facts">
        <dt>{t('booking.confirmation.trackingCode')}</dt>
        <dd>
          <code>{application.trackingCode}</code>
        </dd>
        <dt>{t('booking.confirmation.date')}</dt>
        <dd>{formatDay(lang, appointment.date)}</dd>
        <dt>{t('booking.confirmation.unit')}</dt>
        <dd>{unit.name}</dd>
        <OfficeContactFacts ctx={ctx} unit={unit} />
        {hours && (
          <>
            <dt>{t('booking.confirmation.hours')}</dt>
            <dd>{`${hours} WITA`}</dd>
          </>
        )}
      </dl>

      <h2>{t('booking.confirmation.billingTitle')}</h2>
      <dl class="facts">
        <dt>{t('booking.confirmation.billingCode')}</dt>
        <dd>
          <code class="billing-code">{billing.code}</code>
        </dd>
        <dt>{billing.paidAt ? t('booking.confirmation.paidAt') : t('booking.confirmation.payBefore')}</dt>
        <dd>{formatDateTime(lang, billing.paidAt ?? billing.expiresAt)}</dd>
      </dl>
      {!billing.paidAt && (
        <p>
          <a href={`/applications/${application.id}/appointment/cara-membayar`}>{t('booking.confirmation.howToPay')}</a>
        </p>
      )}
      <ScrollRegion label={t('booking.confirmation.feeTitle')}>
        <table>
          <caption>{t('booking.confirmation.feeTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('booking.confirmation.feeItem')}</th>
              <th scope="col">{t('booking.confirmation.feeAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {(application.feeItems ?? []).map((line) => (
              <tr key={line.item}>
                <td>{t(`booking.feeItems.${line.item}`)}</td>
                <td>{formatRupiah(lang, line.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('booking.confirmation.feeTotal')}</th>
              <td>
                <strong>{formatRupiah(lang, billing.amount)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {application.feeRegulation && (
        <p class="hint">{t('booking.confirmation.regulation', { regulation: application.feeRegulation })}</p>
      )}

      {!attended && (
        <>
          <h2>{t('booking.confirmation.qrTitle')}</h2>
          <img
            class="qr-image"
            src={qrImage}
            width={220}
            height={220}
            alt={t('booking.confirmation.qrAlt', { code: application.trackingCode })}
          />
          <p>{t('booking.confirmation.qrHelp')}</p>
        </>
      )}

      <h2>{t('booking.confirmation.bringTitle')}</h2>
      <ul>
        {details.bring.map((item) => (
          <li key={item}>{t(`booking.bring.${item}`)}</li>
        ))}
      </ul>

      <h2>{t('booking.confirmation.downloads')}</h2>
      <ul>
        <li>
          <a href={`${base}/receipt.pdf`} download>
            {t('booking.confirmation.pdf')}
          </a>
        </li>
        <li>
          <a href={`${base}/calendar.ics`} download>
            {t('booking.confirmation.ics')}
          </a>
        </li>
      </ul>

      <h2>{t('booking.confirmation.manageTitle')}</h2>
      {attended ? (
        <p>{t('booking.confirmation.attended')}</p>
      ) : canReschedule ? (
        <p>
          <a href={`${base}/reschedule`}>{t('booking.confirmation.reschedule')}</a>
        </p>
      ) : (
        <p>
          {appointment.reschedules > 0
            ? t('booking.confirmation.rescheduleUsed')
            : t('booking.confirmation.rescheduleLate')}
        </p>
      )}
      {appointment.state === 'booked' && (
        <p>
          <a href={`${base}/cancel`}>{t('booking.confirmation.cancel')}</a>
        </p>
      )}
    </Layout>
  );
}
