import { formatCalendarDate } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { PassCheck } from '../verify-border-pass.ts';

/** Where a card's QR leads: genuine or not, its status and last day, the office, the holder's initials. */
export function VerifyPassPage({ ctx, check }: { ctx: PageContext; check: PassCheck | null }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('borderPasses.verify.title')}>
      <h1>{t('borderPasses.verify.title')}</h1>
      {check ? (
        <>
          <p class="notice" role="status">
            {t('borderPasses.verify.genuine')}
          </p>
          <dl>
            <dt>{t('borderPasses.fields.status')}</dt>
            <dd>{t(`borderPasses.statuses.${check.status}`)}</dd>
            <dt>{t('borderPasses.fields.validUntil')}</dt>
            <dd>{formatCalendarDate(lang, check.validUntil)}</dd>
            <dt>{t('borderPasses.verify.holder')}</dt>
            <dd>{check.initials}</dd>
            <dt>{t('borderPasses.fields.unit')}</dt>
            <dd>{check.unitName}</dd>
          </dl>
          <p>{t('borderPasses.verify.privacy')}</p>
        </>
      ) : (
        <p class="error" role="status">
          {t('borderPasses.verify.unknown')}
        </p>
      )}
    </Layout>
  );
}
