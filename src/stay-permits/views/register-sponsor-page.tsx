import type { Region } from '../../regions/queries.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Radios } from '../../platform/views/radios.tsx';

type Props = { ctx: PageContext; regencies: Pick<Region, 'code' | 'name'>[]; state: FormState };

/** A sponsor's registration: who it is, where, and the declaration of the conditions and duties. */
export function RegisterSponsorPage({ ctx, regencies, state }: Props) {
  const { t } = ctx;
  const fields = ['kind', 'name', 'registrationNumber', 'address', 'regencyCode', 'phone', 'email', 'declaration'];
  const labels = Object.fromEntries(fields.map((f) => [f, t(`stayPermits.fields.${f}`)]));
  const declared = state.values?.declaration === 'yes';
  const error = state.errors?.declaration;
  return (
    <Layout ctx={ctx} title={t('stayPermits.sponsor.registerTitle')} hasErrors={!!state.errors}>
      <h1>{t('stayPermits.sponsor.registerTitle')}</h1>
      <p class="lead">{t('stayPermits.sponsor.registerLead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/sponsors/register" submit={t('stayPermits.sponsor.submit')}>
        <Radios
          name="kind"
          legend={labels.kind!}
          state={state}
          options={(['company', 'person'] as const).map((k) => ({
            value: k,
            label: t(`stayPermits.sponsorKinds.${k}`),
          }))}
        />
        <Field name="name" label={labels.name!} state={state} />
        <Field name="registrationNumber" label={labels.registrationNumber!} state={state} inputmode="numeric" />
        <Field name="address" label={labels.address!} state={state} />
        <SelectField
          name="regencyCode"
          label={labels.regencyCode!}
          state={state}
          options={[{ value: '', label: '—' }, ...regencies.map((r) => ({ value: r.code, label: r.name }))]}
        />
        <Field name="phone" label={labels.phone!} state={state} type="tel" autocomplete="tel" />
        <Field name="email" label={labels.email!} state={state} type="email" autocomplete="email" />
        <div class={error ? 'field has-error' : 'field'} id="f-declaration">
          {error && <p class="error">{error}</p>}
          <label class="check" for="f-declaration-yes">
            <input type="checkbox" id="f-declaration-yes" name="declaration" value="yes" checked={declared} />{' '}
            {t('stayPermits.sponsor.declarationText')}
          </label>
        </div>
      </Form>
    </Layout>
  );
}
