import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';

type Props = { ctx: PageContext; state: FormState; requestId: string; recorded: boolean };

/** The officer's form: the person by the passport shown, the day and the place they left. */
export function DeparturePage({ ctx, state, requestId, recorded }: Props) {
  const { t } = ctx;
  const labels = Object.fromEntries(
    ['nationality', 'documentNumber', 'birthDate', 'departedOn', 'place'].map((f) => [
      f,
      t(`foreigners.departure.${f}`),
    ]),
  );
  return (
    <Layout ctx={ctx} title={t('foreigners.departure.title')} hasErrors={!!state.errors}>
      <h1>{t('foreigners.departure.title')}</h1>
      <p class="lead">{t('foreigners.departure.lead')}</p>
      {recorded && (
        <p class="notice" role="status">
          {t('foreigners.departure.recorded')}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/officer/foreigners/departures" submit={t('foreigners.departure.submit')}>
        <input type="hidden" name="requestId" value={requestId} />
        <Field name="documentNumber" label={labels.documentNumber!} state={state} autocomplete="off" />
        <Field
          name="nationality"
          label={labels.nationality!}
          hint={t('foreigners.departure.nationalityHint')}
          state={state}
        />
        <Field
          name="birthDate"
          label={labels.birthDate!}
          hint={t('foreigners.departure.birthDateHint')}
          state={state}
          type="date"
        />
        <Field name="departedOn" label={labels.departedOn!} state={state} type="date" />
        <Field name="place" label={labels.place!} hint={t('foreigners.departure.placeHint')} state={state} />
      </Form>
    </Layout>
  );
}
