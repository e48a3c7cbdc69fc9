import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';

/** The applicant's alternative to picking a date: the session's code books the session's date. */
export function JoinPage({ ctx, applicationId, state }: { ctx: PageContext; applicationId: string; state: FormState }) {
  const { t } = ctx;
  const labels = { sessionCode: t('outreach.fields.sessionCode') };
  return (
    <Layout ctx={ctx} title={t('outreach.join.title')} hasErrors={!!state.errors}>
      <h1>{t('outreach.join.title')}</h1>
      <p>{t('outreach.join.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={`/applications/${applicationId}/eazy-paspor`} submit={t('outreach.join.submit')}>
        <Field name="sessionCode" label={labels.sessionCode} state={state} autocomplete="off" required />
      </Form>
    </Layout>
  );
}
