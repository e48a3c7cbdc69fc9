import { formatDate, formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { RejectionReceipt } from '../view-case.ts';
import { PageHead } from '../../platform/views/page-head.tsx';

/** The receipt handed to a refused applicant: printable, without the site's menus. */
export function RejectionReceiptPage({
  ctx,
  receipt,
  unitCode,
}: {
  ctx: PageContext;
  receipt: RejectionReceipt;
  unitCode: string | null;
}) {
  const { t, lang } = ctx;
  const title = t('cases.receipt.title');
  return (
    <html lang={lang}>
      <PageHead ctx={ctx} title={title} />
      <body>
        <main id="main" class="wrap">
          <h1>{title}</h1>
          <p>{t('cases.receipt.lead')}</p>
          <dl class="facts">
            <dt>{t('cases.receipt.trackingCode')}</dt>
            <dd>
              <code>{receipt.trackingCode}</code>
            </dd>
            <dt>{t('cases.receipt.name')}</dt>
            <dd>{receipt.fullName ?? '—'}</dd>
            <dt>{t('cases.receipt.date')}</dt>
            <dd>{formatDate(lang, receipt.at)}</dd>
            <dt>{t('cases.receipt.unit')}</dt>
            <dd>{unitCode ?? '—'}</dd>
            <dt>{t('cases.receipt.reason')}</dt>
            <dd>
              {t(`cases.receipt.categories.${receipt.category}`)}
              {receipt.reason && `: ${receipt.reason}`}
            </dd>
          </dl>
          <p class="hint">{t('cases.receipt.printedAt', { at: formatDateTime(lang, new Date()) })}</p>
        </main>
      </body>
    </html>
  );
}
