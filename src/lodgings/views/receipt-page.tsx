import { formatCalendarDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { StayWithGuest } from '../list-guests.ts';
import type { Lodging } from '../schema.ts';

type Props = { ctx: PageContext; lodging: Lodging; stay: StayWithGuest; repeated: boolean; verifyUrl: string };

/**
 * The receipt of one report, for the lodging's member: what was received, the PDF, the biodata photo when one was
 * attached, and where anyone can check it.
 */
export function ReceiptPage({ ctx, lodging, stay: { stay, guest }, repeated, verifyUrl }: Props) {
  const { t, lang } = ctx;
  const doc = guest.documents.find((d) => d.number === stay.documentNumber);
  return (
    <Layout ctx={ctx} title={t('lodgings.intake.receipt.title')}>
      <p>
        <a href={`/lodgings/${lodging.id}`}>{lodging.name}</a>
      </p>
      <p class="notice" role="status">
        {t(repeated ? 'lodgings.intake.receipt.repeated' : 'lodgings.intake.receipt.sent')}
      </p>
      <h1>{t('lodgings.intake.receipt.title')}</h1>
      <dl>
        <dt>{t('lodgings.intake.receipt.number')}</dt>
        <dd>
          <strong>{stay.receiptNumber}</strong>
        </dd>
        <dt>{t('lodgings.intake.receipt.guest')}</dt>
        <dd>{`${guest.surname}, ${guest.givenNames}`}</dd>
        <dt>{t('lodgings.intake.receipt.document')}</dt>
        <dd>{`${doc?.nationality ?? guest.nationality} ${stay.documentNumber}`}</dd>
        <dt>{t('lodgings.intake.receipt.checkInAt')}</dt>
        <dd>{`${formatDateTime(lang, stay.checkInAt)} WITA`}</dd>
        {stay.expectedCheckOutOn && (
          <>
            <dt>{t('lodgings.intake.receipt.expectedCheckOut')}</dt>
            <dd>{formatCalendarDate(lang, stay.expectedCheckOutOn)}</dd>
          </>
        )}
        <dt>{t('lodgings.intake.receipt.reportedAt')}</dt>
        <dd>
          {`${formatDateTime(lang, stay.reportedAt)} WITA`}
          {stay.late && ` · ${t('lodgings.intake.receipt.late')}`}
        </dd>
      </dl>
      <p>
        <a class="button" href={`/lodgings/${lodging.id}/guests/${stay.id}/receipt.pdf`}>
          {t('lodgings.intake.receipt.pdf')}
        </a>
      </p>
      {stay.documentPhotoKey && (
        <p>
          <a href={`/lodgings/${lodging.id}/guests/${stay.id}/photo`}>{t('lodgings.intake.receipt.photo')}</a>
        </p>
      )}
      <p>
        {t('lodgings.intake.receipt.verifyHint')} <a href={verifyUrl}>{verifyUrl}</a>
      </p>
      <p>
        <a href={`/lodgings/${lodging.id}/check-in`}>{t('lodgings.intake.receipt.another')}</a> ·{' '}
        <a href={`/lodgings/${lodging.id}/guests`}>{t('lodgings.intake.lodging.guests')}</a>
      </p>
    </Layout>
  );
}
