import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import { RegionPicker, type RegionChoice, type RegionOptions } from '../../regions/views/region-picker.tsx';
import { lodgingKinds } from '../schema.ts';

/** The village picker's selects are village_province … village_village. */
export const villagePickerName = 'village';
export const registerFields = ['name', 'kind', 'licenceNumber', 'address', 'personInCharge', 'phone', 'email'];

type Props = {
  ctx: PageContext;
  state: FormState;
  region: { choice: RegionChoice; options: RegionOptions };
  requestId: string;
};

/** One page, working without JavaScript: the region picker resubmits the form to show the next level. */
export function RegisterPage({ ctx, state, region, requestId }: Props) {
  const { t } = ctx;
  const labels: Record<string, string> = Object.fromEntries(
    registerFields.map((f) => [f, t(`lodgings.intake.fields.${f}`)]),
  );
  labels[villagePickerName] = t('lodgings.intake.fields.villageCode');
  return (
    <Layout ctx={ctx} title={t('lodgings.intake.register.title')} htmx hasErrors={!!state.errors}>
      <h1>{t('lodgings.intake.register.title')}</h1>
      <p class="lead">{t('lodgings.intake.register.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/lodgings/register" submit={t('lodgings.intake.register.submit')}>
        <input type="hidden" name="requestId" value={requestId} />
        <Field name="name" label={labels.name!} state={state} />
        <Radios
          name="kind"
          legend={labels.kind!}
          state={state}
          options={lodgingKinds.map((k) => ({ value: k, label: t(`lodgings.intake.kinds.${k}`) }))}
        />
        <Field
          name="licenceNumber"
          label={labels.licenceNumber!}
          hint={t('lodgings.intake.fields.licenceHint')}
          state={state}
        />
        <Field name="address" label={labels.address!} state={state} autocomplete="street-address" />
        <RegionPicker
          ctx={ctx}
          name={villagePickerName}
          legend={labels[villagePickerName]}
          choice={region.choice}
          options={region.options}
          error={state.errors?.[villagePickerName]}
        />
        <Field name="personInCharge" label={labels.personInCharge!} state={state} autocomplete="name" />
        <Field name="phone" label={labels.phone!} state={state} type="tel" autocomplete="tel" />
        <Field name="email" label={labels.email!} state={state} type="email" autocomplete="email" />
      </Form>
    </Layout>
  );
}
