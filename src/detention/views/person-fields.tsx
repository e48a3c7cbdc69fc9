import type { PageContext } from '../../platform/views/context.ts';
import { Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';

export const personFieldNames = [
  'mrz',
  'surname',
  'givenNames',
  'nationality',
  'issuingState',
  'documentNumber',
  'birthDate',
  'sex',
  'expiresOn',
] as const;

/** The person's travel document, read from its MRZ or typed: the foreigners register finds or records them. */
export function PersonFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const label = (f: string) => t(`detention.person.${f}`);
  return (
    <fieldset>
      <legend>{t('detention.person.legend')}</legend>
      <TextArea name="mrz" label={label('mrz')} hint={t('detention.person.mrzHint')} state={state} rows={2} />
      <Field name="surname" label={label('surname')} state={state} autocomplete="off" />
      <Field name="givenNames" label={label('givenNames')} state={state} autocomplete="off" />
      <Field name="nationality" label={label('nationality')} hint={t('detention.person.codeHint')} state={state} />
      <Field name="issuingState" label={label('issuingState')} state={state} />
      <Field name="documentNumber" label={label('documentNumber')} state={state} autocomplete="off" />
      <Field name="birthDate" label={label('birthDate')} state={state} type="date" />
      <SelectField
        name="sex"
        label={label('sex')}
        state={state}
        options={['M', 'F', 'X'].map((s) => ({ value: s, label: t(`detention.sexes.${s}`) }))}
      />
      <Field name="expiresOn" label={label('expiresOn')} state={state} type="date" />
    </fieldset>
  );
}
