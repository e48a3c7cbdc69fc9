import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, SelectField, type FormState } from '../../platform/views/form.tsx';
import { formatDay } from '../../platform/i18n/format.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import type { ApplicationHistoryEntry } from '../application-actions.ts';
import type { PermitApplication } from '../schema.ts';
import { ApplicationFacts, History } from './parts.tsx';

type Props = {
  ctx: PageContext;
  application: PermitApplication;
  history: ApplicationHistoryEntry[];
  /** The days open for the biometrics visit, when the applicant may book one now. */
  days: string[] | null;
  mayWithdraw: boolean;
  state: FormState;
};

/** The applicant's page: where the application stands, how to pay, the booking of the visit, withdrawal. */
export function ApplicationPage({ ctx, application: a, history, days, mayWithdraw, state }: Props) {
  const { t } = ctx;
  const base = `/stay-permits/applications/${a.id}`;
  return (
    <Layout
      ctx={ctx}
      title={t('permitServices.application.title', { service: t(`permitServices.services.${a.service}`) })}
      hasErrors={!!state.errors}
    >
      <h1>{t('permitServices.application.title', { service: t(`permitServices.services.${a.service}`) })}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ date: t('permitServices.application.date') }} />
      <ApplicationFacts ctx={ctx} application={a} />
      {a.status === 'billed' && (
        <p>
          <a href="/cara-membayar">{t('permitServices.application.howToPay')}</a>
        </p>
      )}
      {days && (
        <>
          <h2>{t('permitServices.application.bookTitle')}</h2>
          <PostForm ctx={ctx} action={`${base}/biometrics`} submit={t('permitServices.application.book')}>
            <SelectField
              name="date"
              label={t('permitServices.application.date')}
              state={state}
              options={days.map((d) => ({ value: d, label: formatDay(ctx.lang, d) }))}
            />
          </PostForm>
        </>
      )}
      {mayWithdraw && (
        <PostForm ctx={ctx} action={`${base}/withdraw`} submit={t('permitServices.application.withdraw')} />
      )}
      <History ctx={ctx} history={history} />
    </Layout>
  );
}
