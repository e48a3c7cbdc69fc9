import type { Sex } from '../../foreigners/schema.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { findingOutcomes, violationTypes, type PartnerAgency, type TimporaOperation } from '../schema.ts';

// The register's sexes (foreigners' schema holds the list, which a view may not import as a value).
const sexes: readonly Sex[] = ['M', 'F', 'X'];

type Props = {
  ctx: PageContext;
  operation: TimporaOperation;
  agencies: PartnerAgency[];
  state: FormState;
  requestId: string;
};

/**
 * The field form: small, one column, no JavaScript, sent as multipart so a photo can go with it. Its request id
 * travels with the form, so a resend over a weak link records the finding once.
 */
export function FindingPage({ ctx, operation, agencies, state, requestId }: Props) {
  const { t } = ctx;
  const label = (key: string) => t(`timpora.finding.${key}`);
  const labels = Object.fromEntries(
    [
      'mrz',
      'nationality',
      'documentNumber',
      'surname',
      'givenNames',
      'birthDate',
      'sex',
      'outcome',
      'violation',
      'villageCode',
      'note',
    ].map((k) => [k, label(k === 'villageCode' ? 'village' : k)]),
  );
  return (
    <Layout ctx={ctx} title={label('title')} hasErrors={!!state.errors}>
      <p>
        <a href={`/officer/timpora/operations/${operation.id}`}>{operation.title}</a>
      </p>
      <h1>{label('title')}</h1>
      <p>{label('lead')}</p>
      <ErrorSummary
        ctx={ctx}
        errors={state.errors}
        labels={{ ...labels, handedToAgencyId: label('agency'), photo: label('photo') }}
      />
      <form
        method="post"
        action={`/officer/timpora/operations/${operation.id}/findings`}
        enctype="multipart/form-data"
        novalidate
      >
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <input type="hidden" name="requestId" value={requestId} />
        <TextArea name="mrz" label={label('mrz')} state={state} rows={2} autofocus />
        <Field name="nationality" label={label('nationality')} state={state} />
        <Field name="documentNumber" label={label('documentNumber')} state={state} />
        <Field name="surname" label={label('surname')} state={state} />
        <Field name="givenNames" label={label('givenNames')} state={state} />
        <Field name="birthDate" label={label('birthDate')} state={state} type="date" />
        <SelectField
          name="sex"
          label={label('sex')}
          state={state}
          options={[
            { value: '', label: '—' },
            ...sexes.map((s) => ({ value: s, label: t(`timpora.finding.sexes.${s}`) })),
          ]}
        />
        <SelectField
          name="outcome"
          label={label('outcome')}
          state={state}
          options={findingOutcomes.map((o) => ({ value: o, label: t(`timpora.outcomes.${o}`) }))}
        />
        <SelectField
          name="handedToAgencyId"
          label={label('agency')}
          state={state}
          options={[{ value: '', label: '—' }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <SelectField
          name="violation"
          label={label('violation')}
          state={state}
          options={[
            { value: '', label: label('noViolation') },
            ...violationTypes.map((v) => ({ value: v, label: t(`timpora.violations.${v}`) })),
          ]}
        />
        <Field name="villageCode" label={label('village')} state={state} inputmode="numeric" />
        <TextArea name="note" label={label('note')} state={state} rows={2} />
        <div class={state.errors?.photo ? 'field has-error' : 'field'}>
          <label for="f-photo">{label('photo')}</label>
          {state.errors?.photo && <p class="error">{state.errors.photo}</p>}
          <input id="f-photo" name="photo" type="file" accept="image/*" capture="environment" />
        </div>
        <button type="submit">{label('save')}</button>
      </form>
    </Layout>
  );
}
