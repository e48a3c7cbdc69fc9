import { formatDateTime, formatRupiah } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { ChannelGroup } from '../payment-channels.ts';

/** The bill being paid, when the page is for one (the applicant's own page); without it, the steps in general. */
export type Bill = {
  code: string;
  amount: number;
  expiresAt: Date;
  paidAt: Date | null;
  trackingCode: string;
  back: string;
};

const fill = (step: string, values: Record<string, string>) =>
  step.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);

/** How to pay a billing code: where (teller, ATM, apps, post office, marketplaces), and each channel's steps. */
export function HowToPayPage({ ctx, groups, bill }: { ctx: PageContext; groups: ChannelGroup[]; bill?: Bill }) {
  const { t, lang } = ctx;
  const code = bill?.code ?? t('payment.yourCode');
  const amount = bill ? formatRupiah(lang, bill.amount) : t('payment.yourAmount');
  return (
    <Layout ctx={ctx} title={t('payment.title')}>
      <h1>{t('payment.title')}</h1>
      {bill && (
        <>
          {bill.paidAt ? (
            <p class="notice" role="status">
              {t('payment.paid', { at: formatDateTime(lang, bill.paidAt) })}
            </p>
          ) : (
            <dl class="facts">
              <dt>{t('payment.code')}</dt>
              <dd>
                <strong class="billing-code">{bill.code}</strong>
              </dd>
              <dt>{t('payment.amount')}</dt>
              <dd>{amount}</dd>
              <dt>{t('payment.payBefore')}</dt>
              <dd>{formatDateTime(lang, bill.expiresAt)}</dd>
            </dl>
          )}
        </>
      )}
      <p>{t('payment.lead')}</p>
      {groups.map((group) => (
        <section key={group.kind}>
          <h2>{t(`payment.kinds.${group.kind}`)}</h2>
          {group.channels.map((channel) => (
            <details key={channel.code}>
              <summary>{channel.name}</summary>
              <ol>
                {(lang === 'en' ? channel.stepsEn : channel.stepsId).map((step, i) => (
                  <li key={i}>{fill(step, { code, amount, name: channel.name })}</li>
                ))}
              </ol>
            </details>
          ))}
        </section>
      ))}
      <p>{t('payment.after')}</p>
      {bill && (
        <p>
          <a href={bill.back}>{t('payment.back')}</a>
        </p>
      )}
    </Layout>
  );
}
