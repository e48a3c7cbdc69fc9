import type { Application } from '../../applications/schema.ts';
import type { PageContext } from '../../platform/views/context.ts';

/** Whose application this is and what it is for, above every booking form. */
export function ApplicationSummary({
  ctx,
  application,
  unitName,
}: {
  ctx: PageContext;
  application: Application;
  unitName: string;
}) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt>{t('booking.summary.trackingCode')}</dt>
      <dd>
        <code>{application.trackingCode}</code>
      </dd>
      <dt>{t('booking.summary.applicant')}</dt>
      <dd>{application.fullName}</dd>
      <dt>{t('booking.summary.unit')}</dt>
      <dd>{unitName}</dd>
      {application.speed && (
        <>
          <dt>{t('booking.summary.service')}</dt>
          <dd>{t(`booking.speeds.${application.speed}`)}</dd>
        </>
      )}
      {application.passportType && (
        <>
          <dt>{t('booking.summary.passportType')}</dt>
          <dd>{t(`booking.passportTypes.${application.passportType}`)}</dd>
        </>
      )}
    </dl>
  );
}
