import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import { entryBases, permitTypes, type Sponsor } from '../schema.ts';

type Props = {
  ctx: PageContext;
  unit: { code: string; name: string };
  sponsors: Sponsor[];
  state: FormState;
  requestId: string;
};

const passportFields = ['surname', 'givenNames', 'nationality', 'issuingState', 'documentNumber', 'birthDate'] as const;
const permitFields = ['visaIndex', 'permitNumber', 'entryDate', 'validFrom', 'validUntil'] as const;

/** The form to record a permit: the holder's passport (MRZ or typed), then the permit and who answers for the holder. */
export function RecordPermitPage({ ctx, unit, sponsors, state, requestId }: Props) {
  const { t } = ctx;
  const title = t('stayPermits.record.title', { unit: unit.name });
  const labels: Record<string, string> = {
    mrz: t('foreigners.fields.mrz'),
    sex: t('foreigners.fields.sex'),
    expiresOn: t('foreigners.fields.expiresOn'),
    ...Object.fromEntries(passportFields.map((f) => [f, t(`foreigners.fields.${f}`)])),
    ...Object.fromEntries(
      [...permitFields, 'type', 'entryBasis', 'sponsorId', 'responsiblePerson'].map((f) => [
        f,
        t(`stayPermits.fields.${f}`),
      ]),
    ),
  };
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      <p class="lead">{t('stayPermits.record.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={`/officer/units/${unit.code}/stay-permits`} submit={t('stayPermits.record.submit')}>
        <input type="hidden" name="requestId" value={requestId} />
        <h2>{t('stayPermits.record.passport')}</h2>
        <TextArea name="mrz" label={labels.mrz!} hint={t('foreigners.fields.mrzHint')} state={state} rows={2} />
        {passportFields.map((f) => (
          <Field key={f} name={f} label={labels[f]!} state={state} type={f === 'birthDate' ? 'date' : 'text'} />
        ))}
        <Radios
          name="sex"
          legend={labels.sex!}
          state={state}
          options={(['M', 'F', 'X'] as const).map((s) => ({ value: s, label: t(`foreigners.fields.sex${s}`) }))}
        />
        <Field name="expiresOn" label={labels.expiresOn!} state={state} type="date" />
        <h2>{t('stayPermits.record.permit')}</h2>
        <SelectField
          name="type"
          label={labels.type!}
          state={state}
          options={permitTypes.map((v) => ({ value: v, label: t(`stayPermits.types.${v}`) }))}
        />
        <SelectField
          name="entryBasis"
          label={labels.entryBasis!}
          state={state}
          options={entryBases.map((v) => ({ value: v, label: t(`stayPermits.bases.${v}`) }))}
        />
        {permitFields.map((f) => (
          <Field
            key={f}
            name={f}
            label={labels[f]!}
            state={state}
            type={f.startsWith('valid') || f === 'entryDate' ? 'date' : 'text'}
            hint={f === 'visaIndex' ? t('stayPermits.fields.visaIndexHint') : undefined}
          />
        ))}
        <SelectField
          name="sponsorId"
          label={labels.sponsorId!}
          hint={t('stayPermits.fields.sponsorHint')}
          state={state}
          options={[
            { value: '', label: t('stayPermits.fields.noSponsor') },
            ...sponsors.map((s) => ({ value: s.id, label: `${s.name} (${s.registrationNumber})` })),
          ]}
        />
        <Field
          name="responsiblePerson"
          label={labels.responsiblePerson!}
          hint={t('stayPermits.fields.responsibleHint')}
          state={state}
        />
      </Form>
    </Layout>
  );
}
