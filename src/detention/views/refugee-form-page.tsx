import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { refugeeUnhcrStatuses } from '../schema.ts';
import { PersonFields, personFieldNames } from './person-fields.tsx';

const fields = ['unitCode', 'unhcrStatus', 'unhcrNumber', 'shelter', 'cardNumber', 'firstMonth'] as const;

/** Registration of a refugee under oversight, with the Rudenim's identity card. */
export function RefugeeFormPage({ ctx, state, requestId }: { ctx: PageContext; state: FormState; requestId: string }) {
  const { t } = ctx;
  const labels = Object.fromEntries([
    ...fields.map((f) => [f, t(`detention.refugees.fields.${f}`)]),
    ...personFieldNames.map((f) => [f, t(`detention.person.${f}`)]),
  ]) as Record<string, string>;
  return (
    <Layout ctx={ctx} title={t('detention.refugees.new')} hasErrors={!!state.errors}>
      <h1>{t('detention.refugees.new')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/officer/refugees/new" submit={t('detention.refugees.register')}>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="unitCode" value="RUDENIM-KUPANG" />
        <PersonFields ctx={ctx} state={state} />
        <SelectField
          name="unhcrStatus"
          label={labels.unhcrStatus!}
          state={state}
          options={refugeeUnhcrStatuses.map((s) => ({ value: s, label: t(`detention.unhcrStatuses.${s}`) }))}
        />
        <Field name="unhcrNumber" label={labels.unhcrNumber!} state={state} />
        <Field name="shelter" label={labels.shelter!} hint={t('detention.refugees.shelterHint')} state={state} />
        <Field name="cardNumber" label={labels.cardNumber!} state={state} />
        <Field name="firstMonth" label={labels.firstMonth!} hint={t('detention.refugees.monthHint')} state={state} />
      </Form>
    </Layout>
  );
}
