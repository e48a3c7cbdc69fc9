import { formatDate } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { ReceiptCheck } from '../list-guests.ts';

/** The public check of a receipt: genuine, which lodging, which day, in or out. Nothing about the guest. */
export function VerifyReceiptPage({ ctx, receipt }: { ctx: PageContext; receipt: ReceiptCheck }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('lodgings.intake.verify.title')}>
      <h1>{t('lodgings.intake.verify.title')}</h1>
      <p class="notice" role="status">
        {t('lodgings.intake.verify.genuine')}
      </p>
      <dl>
        <dt>{t('lodgings.intake.verify.number')}</dt>
        <dd>{receipt.receiptNumber}</dd>
        <dt>{t('lodgings.intake.verify.lodging')}</dt>
        <dd>{receipt.lodgingName ?? t(`lodgings.intake.kinds.${receipt.lodgingKind}`)}</dd>
        <dt>{t('lodgings.intake.verify.checkInDate')}</dt>
        <dd>{formatDate(lang, receipt.checkInAt)}</dd>
        <dt>{t('lodgings.intake.verify.status')}</dt>
        <dd>{t(receipt.checkedOut ? 'lodgings.intake.verify.checkedOut' : 'lodgings.intake.verify.checkedIn')}</dd>
      </dl>
      <p>{t('lodgings.intake.verify.privacy')}</p>
    </Layout>
  );
}
