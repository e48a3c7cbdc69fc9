import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { SurveyService } from '../schema.ts';
import { QuestionnaireFields, questionnaireLabels } from './questionnaire-fields.tsx';

type Props = { ctx: PageContext; token: string; unitName: string; service: SurveyService; state: FormState };

/** The one-time survey for someone just served: no account, one question per element. */
export function SurveyPage({ ctx, token, unitName, service, state }: Props) {
  const { t } = ctx;
  const title = t('surveys.title');
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      <p>{t('surveys.lead')}</p>
      <p>{t('surveys.about', { service: t(`surveys.services.${service}`), unit: unitName })}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={questionnaireLabels(ctx)} />
      <Form ctx={ctx} action={`/survei/${encodeURIComponent(token)}`} submit={t('surveys.submit')}>
        <QuestionnaireFields ctx={ctx} state={state} />
      </Form>
    </Layout>
  );
}

/** After answering, or when the link was already used. */
export function SurveyDonePage({ ctx, kind }: { ctx: PageContext; kind: 'thanks' | 'answered' }) {
  const { t } = ctx;
  const title = t(`surveys.${kind}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p role="status">{t(`surveys.${kind}.body`)}</p>
      <p>
        <a href="/">{t('common.backHome')}</a>
      </p>
    </Layout>
  );
}
