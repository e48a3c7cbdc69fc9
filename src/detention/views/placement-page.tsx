import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { blocks, placementReasons } from '../schema.ts';
import { PersonFields, personFieldNames } from './person-fields.tsx';

const fields = [
  'unitCode',
  'authorityUnitCode',
  'reason',
  'place',
  'decisionNumber',
  'decisionDate',
  'signedBy',
  'caseRef',
  'placedOn',
  'handedByAgency',
  'handedByOfficer',
  'handedOn',
  'block',
  'room',
  'property',
] as const;

type Props = { ctx: PageContext; state: FormState; requestId: string; units: { code: string; name: string }[] };

/** The placement decision (Pasal 84), the hand-over record and the property deposited, on one plain form. */
export function PlacementPage({ ctx, state, requestId, units }: Props) {
  const { t } = ctx;
  const labels = Object.fromEntries([
    ...fields.map((f) => [f, t(`detention.fields.${f}`)]),
    ...personFieldNames.map((f) => [f, t(`detention.person.${f}`)]),
  ]) as Record<string, string>;
  const unitOptions = units.map((u) => ({ value: u.code, label: u.name }));
  return (
    <Layout ctx={ctx} title={t('detention.placement.title')} hasErrors={!!state.errors}>
      <h1>{t('detention.placement.title')}</h1>
      <p class="lead">{t('detention.placement.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/officer/detention/new" submit={t('detention.placement.submit')}>
        <input type="hidden" name="requestId" value={requestId} />
        <PersonFields ctx={ctx} state={state} />
        <fieldset>
          <legend>{t('detention.placement.decision')}</legend>
          <SelectField
            name="unitCode"
            label={labels.unitCode!}
            state={state}
            options={unitOptions.filter((u) => u.value.startsWith('RUDENIM'))}
          />
          <SelectField
            name="authorityUnitCode"
            label={labels.authorityUnitCode!}
            hint={t('detention.placement.authorityHint')}
            state={state}
            options={unitOptions}
          />
          <SelectField
            name="reason"
            label={labels.reason!}
            state={state}
            options={placementReasons.map((r) => ({ value: r, label: t(`detention.reasons.${r}`) }))}
          />
          <Field name="place" label={labels.place!} state={state} />
          <Field name="decisionNumber" label={labels.decisionNumber!} state={state} />
          <Field name="decisionDate" label={labels.decisionDate!} state={state} type="date" />
          <Field name="signedBy" label={labels.signedBy!} state={state} />
          <Field name="caseRef" label={labels.caseRef!} state={state} />
          <Field name="placedOn" label={labels.placedOn!} state={state} type="date" />
        </fieldset>
        <fieldset>
          <legend>{t('detention.placement.handover')}</legend>
          <Field name="handedByAgency" label={labels.handedByAgency!} state={state} />
          <Field name="handedByOfficer" label={labels.handedByOfficer!} state={state} />
          <Field name="handedOn" label={labels.handedOn!} state={state} type="date" />
        </fieldset>
        <SelectField
          name="block"
          label={labels.block!}
          state={state}
          options={blocks.map((b) => ({ value: b, label: t(`detention.blocks.${b}`) }))}
        />
        <Field name="room" label={labels.room!} state={state} />
        <TextArea
          name="property"
          label={labels.property!}
          hint={t('detention.placement.propertyHint')}
          state={state}
          rows={4}
        />
      </Form>
    </Layout>
  );
}
