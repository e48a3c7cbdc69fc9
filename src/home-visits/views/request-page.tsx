import type { Unit } from '../../units/schema.ts';
import { Radios } from '../../platform/views/radios.tsx';
import { RegionPicker, type RegionChoice, type RegionOptions } from '../../regions/views/region-picker.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState, TextArea } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { requesterRelations } from '../request-home-visit.ts';
import { homeVisitReasons } from '../schema.ts';

/** The place's region picker: its selects are place_province … place_village. */
export const placePickerName = 'place';
const fieldNames = [
  'requesterRelation',
  'applicantName',
  'applicantNik',
  'applicantBirthDate',
  'reason',
  'reasonDetails',
  'placeKind',
  'address',
  'unitCode',
  'preferredDate1',
  'preferredDate2',
  'preferredDate3',
];

type Props = {
  ctx: PageContext;
  state: FormState;
  units: Pick<Unit, 'code' | 'name'>[];
  region: { choice: RegionChoice; options: RegionOptions };
  requestId: string;
};

/** One page: who asks for whom, why, where, at which office and when; works without JavaScript. */
export function RequestPage({ ctx, state, units, region, requestId }: Props) {
  const { t } = ctx;
  const labels: Record<string, string> = Object.fromEntries(fieldNames.map((f) => [f, t(`homeVisits.fields.${f}`)]));
  labels[placePickerName] = t('homeVisits.fields.villageCode');
  const options = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`homeVisits.${group}.${v}`) }));
  return (
    <Layout ctx={ctx} title={t('homeVisits.requestTitle')} htmx hasErrors={!!state.errors}>
      <h1>{t('homeVisits.requestTitle')}</h1>
      <p class="lead">{t('homeVisits.requestLead')}</p>
      <p>{t('homeVisits.requestNext')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/si-koe-peduli/ajukan" submit={t('homeVisits.submit')}>
        <input type="hidden" name="requestId" value={requestId} />
        <SelectField
          name="requesterRelation"
          label={labels.requesterRelation!}
          state={state}
          options={options('relations', requesterRelations)}
        />
        <h2>{t('homeVisits.applicantSection')}</h2>
        <Field name="applicantName" label={labels.applicantName!} state={state} />
        <Field
          name="applicantNik"
          label={labels.applicantNik!}
          hint={t('homeVisits.hints.nik')}
          state={state}
          inputmode="numeric"
        />
        <Field
          name="applicantBirthDate"
          label={labels.applicantBirthDate!}
          hint={t('homeVisits.hints.date')}
          state={state}
          type="date"
        />
        <Radios name="reason" legend={labels.reason!} state={state} options={options('reasons', homeVisitReasons)} />
        <TextArea
          name="reasonDetails"
          label={labels.reasonDetails!}
          hint={t('homeVisits.hints.reasonDetails')}
          state={state}
        />
        <h2>{t('homeVisits.placeSection')}</h2>
        <Radios
          name="placeKind"
          legend={labels.placeKind!}
          state={state}
          options={options('places', ['home', 'hospital'])}
        />
        <Field name="address" label={labels.address!} state={state} />
        <RegionPicker
          ctx={ctx}
          name={placePickerName}
          legend={labels[placePickerName]}
          choice={region.choice}
          options={region.options}
          error={state.errors?.[placePickerName]}
        />
        <SelectField
          name="unitCode"
          label={labels.unitCode!}
          state={state}
          options={units.map((u) => ({ value: u.code, label: u.name }))}
        />
        <p class="hint">{t('homeVisits.hints.preferredDates')}</p>
        <Field name="preferredDate1" label={labels.preferredDate1!} state={state} type="date" />
        <Field name="preferredDate2" label={labels.preferredDate2!} state={state} type="date" />
        <Field name="preferredDate3" label={labels.preferredDate3!} state={state} type="date" />
      </Form>
    </Layout>
  );
}
