import type { Fee } from '../../fees/calculate-fee.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { ApplicationDescription } from '../describe-application.ts';
import type { Application } from '../schema.ts';
import { stepPath } from '../wizard-steps.ts';
import { AnswerTable, FeeTable } from './answers.tsx';
import { DocumentList } from './document-list.tsx';
import { fieldLabels } from './step-fields.tsx';

type Props = {
  ctx: PageContext;
  application: Application;
  description: ApplicationDescription;
  fee: Fee;
  state: FormState;
};

/** Check your answers: every answer with a link to change it, the fee as it would be fixed today, then submit. */
export function CheckPage({ ctx, application, description, fee, state }: Props) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('applications.check.title')} hasErrors={!!state.errors}>
      <p>
        <a href={stepPath(application.id, 'documents')}>{t('applications.wizard.back')}</a>
      </p>
      <h1>{t('applications.check.title')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={fieldLabels(t)} />
      <AnswerTable ctx={ctx} application={application} description={description} changeLinks />
      <h2 id="f-documents">{t('applications.fields.documents')}</h2>
      <DocumentList ctx={ctx} applicationId={application.id} documents={description.documents} />
      <p>
        <a href={stepPath(application.id, 'documents', true)}>{t('applications.check.changeDocuments')}</a>
      </p>
      <h2>{t('applications.fee.title')}</h2>
      <FeeTable ctx={ctx} fee={fee} />
      <p class="hint">{t('applications.check.feeNote')}</p>
      <Form ctx={ctx} action={`/applications/${application.id}/submit`} submit={t('applications.check.submit')}>
        <p>{t('applications.check.declaration')}</p>
      </Form>
    </Layout>
  );
}
