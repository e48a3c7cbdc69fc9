import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import type { ApplicationHistoryEntry } from '../application-actions.ts';
import type { PermitApplication } from '../schema.ts';
import type { OfficerServiceStep } from '../workflow.ts';
import { ApplicationFacts, History } from './parts.tsx';

type Props = {
  ctx: PageContext;
  application: PermitApplication;
  history: ApplicationHistoryEntry[];
  steps: OfficerServiceStep[];
  /** The officer verified it: the decision is another's. */
  verifiedByMe: boolean;
  state: FormState;
};

/** An application as the office sees it, with the steps the officer may take now (read from the workflow). */
export function OfficerApplicationPage({ ctx, application: a, history, steps, verifiedByMe, state }: Props) {
  const { t } = ctx;
  const base = `/officer/stay-permit-services/${a.id}`;
  const title = t('permitServices.application.title', { service: t(`permitServices.services.${a.service}`) });
  const labels = { note: t('permitServices.officer.note'), reason: t('permitServices.officer.reason') };
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <ApplicationFacts ctx={ctx} application={a} />
      {steps.includes('verify') && (
        <>
          <h2>{t('permitServices.officer.verifyTitle')}</h2>
          <PostForm ctx={ctx} action={`${base}/verify`} submit={t('permitServices.officer.verify')}>
            <TextArea name="note" label={labels.note} state={state} />
          </PostForm>
        </>
      )}
      {verifiedByMe && a.status === 'verified' && <p class="notice">{t('permitServices.officer.fourEyes')}</p>}
      {steps.includes('approve') && (
        <>
          <h2>{t('permitServices.officer.decideTitle')}</h2>
          <PostForm ctx={ctx} action={`${base}/decide`} submit={t('permitServices.officer.decide')}>
            <SelectField
              name="decision"
              label={t('permitServices.officer.decision')}
              state={state}
              options={[
                { value: 'approve', label: t('permitServices.officer.approve') },
                { value: 'refuse', label: t('permitServices.officer.refuse') },
              ]}
            />
            <Field name="reason" label={labels.reason} state={state} />
          </PostForm>
        </>
      )}
      <History ctx={ctx} history={history} />
    </Layout>
  );
}
