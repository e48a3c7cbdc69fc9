import type { PageContext } from '../../platform/views/context.ts';
import { Field, type FormState } from '../../platform/views/form.tsx';
import { RegionPicker, type RegionChoice, type RegionOptions } from '../../regions/views/region-picker.tsx';
import { applicationKinds, maritalStatuses, passportTypes, speeds, travelPurposes } from '../schema.ts';
import { regionPickerName, type WizardStep } from '../wizard-steps.ts';
import { Radios } from '../../platform/views/radios.tsx';

/** What some pages need besides the draft: the offices to choose from, the region lists, the longest validity. */
export type StepData = {
  units?: { code: string; name: string }[];
  region?: { choice: RegionChoice; options: RegionOptions };
  maxValidity?: 5 | 10;
};

const labelledFields = [
  'unitCode',
  'nik',
  'fullName',
  'familyName',
  'birthPlace',
  'birthDate',
  'sex',
  'maritalStatus',
  'address',
  regionPickerName,
  'phone',
  'email',
  'kind',
  'oldPassportNumber',
  'passportType',
  'validityYears',
  'speed',
  'purpose',
  'pmiRecommendationNumber',
  'documents',
] as const;

/** Field → label, for error summaries and the answers list. */
export function fieldLabels(t: PageContext['t']): Record<string, string> {
  return Object.fromEntries(labelledFields.map((field) => [field, t(`applications.fields.${field}`)]));
}

type Props = { ctx: PageContext; step: WizardStep; state: FormState; data: StepData };

export function StepFields({ ctx, step, state, data }: Props) {
  const { t } = ctx;
  const label = fieldLabels(t);
  const choices = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`applications.${prefix}.${v}`) }));
  switch (step) {
    case 'office':
      return (
        <Radios
          name="unitCode"
          legend={label.unitCode!}
          state={state}
          options={(data.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
        />
      );
    case 'nik':
      return (
        <Field
          name="nik"
          label={label.nik!}
          hint={t('applications.hints.nik')}
          state={state}
          inputmode="numeric"
          autocomplete="off"
          required
        />
      );
    case 'name':
      return (
        <>
          <Field
            name="fullName"
            label={label.fullName!}
            hint={t('applications.hints.fullName')}
            state={state}
            autocomplete="name"
            required
          />
          <Field
            name="familyName"
            label={label.familyName!}
            hint={t('applications.hints.familyName')}
            state={state}
            autocomplete="family-name"
          />
        </>
      );
    case 'birth':
      return (
        <>
          <Field name="birthPlace" label={label.birthPlace!} state={state} required />
          <Field
            name="birthDate"
            label={label.birthDate!}
            hint={t('applications.hints.birthDate')}
            state={state}
            type="date"
            autocomplete="bday"
            required
          />
        </>
      );
    case 'sex':
      return <Radios name="sex" legend={label.sex!} state={state} options={choices(['F', 'M'], 'sexes')} />;
    case 'marital':
      return (
        <Radios
          name="maritalStatus"
          legend={label.maritalStatus!}
          state={state}
          options={choices(maritalStatuses, 'maritalStatuses')}
        />
      );
    case 'address':
      return (
        <>
          <Field
            name="address"
            label={label.address!}
            hint={t('applications.hints.address')}
            state={state}
            autocomplete="street-address"
            required
          />
          <RegionPicker
            ctx={ctx}
            name={regionPickerName}
            legend={label[regionPickerName]!}
            choice={data.region?.choice ?? {}}
            options={data.region?.options ?? {}}
            error={state.errors?.[regionPickerName]}
          />
        </>
      );
    case 'phone':
      return (
        <Field
          name="phone"
          label={label.phone!}
          hint={t('applications.hints.phone')}
          state={state}
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          required
        />
      );
    case 'email':
      return (
        <Field
          name="email"
          label={label.email!}
          hint={t('applications.hints.email')}
          state={state}
          type="email"
          inputmode="email"
          autocomplete="email"
          required
        />
      );
    case 'kind':
      return (
        <>
          <Radios name="kind" legend={label.kind!} state={state} options={choices(applicationKinds, 'kinds')} />
          <Field
            name="oldPassportNumber"
            label={label.oldPassportNumber!}
            hint={t('applications.hints.oldPassportNumber')}
            state={state}
            autocomplete="off"
          />
        </>
      );
    case 'type':
      return (
        <Radios
          name="passportType"
          legend={label.passportType!}
          state={state}
          options={choices(passportTypes, 'types')}
        />
      );
    case 'validity': {
      // Only what the applicant may have: ten years needs 17 or older, or married.
      const allowed = data.maxValidity === 10 ? ['10', '5'] : ['5'];
      return (
        <Radios
          name="validityYears"
          legend={label.validityYears!}
          hint={data.maxValidity === 10 ? undefined : t('applications.hints.onlyFiveYears')}
          state={state}
          options={choices(allowed, 'validities')}
        />
      );
    }
    case 'speed':
      return <Radios name="speed" legend={label.speed!} state={state} options={choices(speeds, 'speeds')} />;
    case 'purpose':
      return (
        <>
          <Radios name="purpose" legend={label.purpose!} state={state} options={choices(travelPurposes, 'purposes')} />
          <Field
            name="pmiRecommendationNumber"
            label={label.pmiRecommendationNumber!}
            hint={t('applications.hints.pmiRecommendationNumber')}
            state={state}
            autocomplete="off"
          />
        </>
      );
    case 'documents':
      return null;
  }
}
