import type { Region } from '../../regions/queries.ts';
import { formatHourMinute, type Lang } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { unitServices, weekdays, type Unit } from '../schema.ts';

export function unitFormValues(unit: Unit, lang: Lang): Record<string, unknown> {
  return {
    name: unit.name,
    address: unit.address,
    regencyCode: unit.regencyCode,
    phone: unit.phone ?? '',
    email: unit.email ?? '',
    mapUrl: unit.mapUrl ?? '',
    services: unit.services,
    ...Object.fromEntries(
      weekdays.map((d) => [
        `hours_${d}`,
        (unit.openingHours[d] ?? [])
          .map(([a, b]) => `${formatHourMinute(lang, a)}-${formatHourMinute(lang, b)}`)
          .join(', '),
      ]),
    ),
  };
}

/** `manages`: the reader keeps the unit's state and roadmap (the form links to that page). */
type Props = { ctx: PageContext; unit: Unit; regencies: Region[]; state: FormState; manages: boolean };

export function UnitForm({ ctx, unit, regencies, state, manages }: Props) {
  const { t } = ctx;
  const v = state.values ?? {};
  const selectedServices = new Set(Array.isArray(v.services) ? v.services : [v.services]);
  const labels: Record<string, string> = {
    name: t('units.name'),
    address: t('units.address'),
    regencyCode: t('units.regency'),
    phone: t('units.phone'),
    email: t('units.email'),
    mapUrl: t('units.mapUrl'),
    services: t('units.services'),
    ...Object.fromEntries(weekdays.map((d) => [`hours_${d}`, t(`weekdays.${d}`)])),
  };
  const err = (name: string) => state.errors?.[name];
  return (
    <Layout ctx={ctx} title={t('units.editTitle', { name: unit.name })} hasErrors={!!state.errors}>
      <h1>{t('units.editTitle', { name: unit.name })}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={`/admin/units/${unit.code}/edit`} submit={t('common.save')}>
        <Field name="name" label={labels.name!} state={state} required />
        <Field name="address" label={labels.address!} state={state} required />
        <SelectField
          name="regencyCode"
          label={labels.regencyCode!}
          state={state}
          options={regencies.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
        />
        <Field name="phone" label={labels.phone!} state={state} type="tel" />
        <Field name="email" label={labels.email!} state={state} type="email" />
        <Field name="mapUrl" label={labels.mapUrl!} hint={t('units.mapUrlHint')} state={state} />
        <p class="hint">
          {t('units.stateInForm', { state: t(`unitStates.${unit.state}`) })}
          {manages && (
            <>
              {' '}
              <a href={`/admin/units/${unit.code}/roadmap`}>{t('units.roadmapManage')}</a>
            </>
          )}
        </p>
        <fieldset id="f-services" class={err('services') ? 'field has-error' : 'field'}>
          <legend>{labels.services}</legend>
          {err('services') && <p class="error">{err('services')}</p>}
          {unitServices.map((s) => (
            <label key={s} class="check">
              <input type="checkbox" name="services" value={s} checked={selectedServices.has(s)} />{' '}
              {t(`services.${s}.name`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('units.openingHours')}</legend>
          <p class="hint">{t('units.hoursHint')}</p>
          {weekdays.map((d) => (
            <Field key={d} name={`hours_${d}`} label={labels[`hours_${d}`]!} state={state} />
          ))}
        </fieldset>
      </Form>
    </Layout>
  );
}
