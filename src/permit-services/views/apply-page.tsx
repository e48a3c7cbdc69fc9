import { ErrorSummary, Field, Form, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { formatDay } from '../../platform/i18n/format.ts';
import type { SponsoredPermit } from '../permit-changes.ts';
import { permitServices, type PermitServiceRule } from '../schema.ts';

type Props = {
  ctx: PageContext;
  state: FormState;
  rules: PermitServiceRule[];
  requestId: string;
  /** The permits of the applicant's sponsors, offered by name; a holder types the reference instead. */
  sponsored: SponsoredPermit[];
};

const dash = (n: number | null) => (n === null ? '—' : String(n));

/** The rules in force today, so an applicant sees before filing whether and when the service is open to them. */
function RulesTable({ ctx, rules }: { ctx: PageContext; rules: PermitServiceRule[] }) {
  const { t } = ctx;
  return (
    <table>
      <caption>{t('permitServices.apply.rulesTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('permitServices.apply.service')}</th>
          <th scope="col">{t('permitServices.rules.type')}</th>
          <th scope="col">{t('permitServices.rules.basis')}</th>
          <th scope="col">{t('permitServices.rules.max')}</th>
          <th scope="col">{t('permitServices.rules.step')}</th>
          <th scope="col">{t('permitServices.rules.window')}</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr key={r.id}>
            <td>{t(`permitServices.services.${r.service}`)}</td>
            <td>{t(`permitServices.types.${r.permitType}`)}</td>
            <td>{r.entryBasis ? t(`permitServices.bases.${r.entryBasis}`) : t('permitServices.rules.anyBasis')}</td>
            <td>{dash(r.maxExtensions)}</td>
            <td>{dash(r.stepDays)}</td>
            <td>
              {t('permitServices.rules.windowDays', { from: dash(r.earliestDaysBefore), to: r.latestDaysBefore })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The application form: works without JavaScript, one post, errors beside the fields and in the summary. */
export function ApplyPage({ ctx, state, rules, requestId, sponsored }: Props) {
  const { t } = ctx;
  const labels = Object.fromEntries(
    ['service', 'permitId', 'documentNumber', 'birthDate', 'permitNumber', 'reason'].map((f) => [
      f,
      t(`permitServices.apply.${f}`),
    ]),
  );
  return (
    <Layout ctx={ctx} title={t('permitServices.apply.title')} hasErrors={!!state.errors}>
      <h1>{t('permitServices.apply.title')}</h1>
      <p class="lead">{t('permitServices.apply.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/stay-permits/apply" submit={t('permitServices.apply.submit')}>
        <input type="hidden" name="requestId" value={requestId} />
        <SelectField
          name="service"
          label={labels.service!}
          state={state}
          options={permitServices.map((s) => ({ value: s, label: t(`permitServices.services.${s}`) }))}
        />
        {sponsored.length > 0 ? (
          <SelectField
            name="permitId"
            label={labels.permitId!}
            state={state}
            options={sponsored.map((p) => ({
              value: p.id,
              label: `${p.label} · ${t('permitServices.apply.until', { date: formatDay(ctx.lang, p.validUntil) })}`,
            }))}
          />
        ) : (
          <Field name="permitId" label={labels.permitId!} hint={t('permitServices.apply.permitHint')} state={state} />
        )}
        <fieldset>
          <legend>{t('permitServices.apply.holderTitle')}</legend>
          <Field name="documentNumber" label={labels.documentNumber!} state={state} />
          <Field name="birthDate" label={labels.birthDate!} state={state} type="date" />
          <Field
            name="permitNumber"
            label={labels.permitNumber!}
            hint={t('permitServices.apply.permitNumberHint')}
            state={state}
          />
        </fieldset>
        <TextArea name="reason" label={labels.reason!} state={state} />
      </Form>
      <RulesTable ctx={ctx} rules={rules} />
    </Layout>
  );
}
