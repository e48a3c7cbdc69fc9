import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { IkmReport } from '../ikm-report.ts';
import { surveyServices } from '../schema.ts';
import { IkmSummary } from './ikm-summary.tsx';
import { QuestionnaireFields, questionnaireLabels } from './questionnaire-fields.tsx';

type Props = { ctx: PageContext; report: IkmReport; population: string; canEnter: boolean; entry: FormState };

/** A unit's IKM for a chosen period with its reports, and the form to type in a paper questionnaire. */
export function OfficerSurveysPage({ ctx, report, population, canEnter, entry }: Props) {
  const { t } = ctx;
  const { unit, from, to, service } = report;
  const base = `/officer/units/${encodeURIComponent(unit.code)}`;
  const query = new URLSearchParams({
    from,
    to,
    ...(service ? { service } : {}),
    ...(population ? { population } : {}),
  }).toString();
  const title = t('surveys.officer.title', { unit: unit.name });
  const serviceOptions = surveyServices.map((s) => ({ value: s, label: t(`surveys.services.${s}`) }));
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!entry.errors}>
      <h1>{title}</h1>
      {ctx.path.includes('saved=1') && (
        <p class="notice" role="status">
          {t('surveys.officer.saved')}
        </p>
      )}
      <h2>{t('surveys.officer.periodTitle')}</h2>
      <form method="get" action={`${base}/surveys`}>
        <Field name="from" label={t('surveys.officer.from')} type="date" state={{ values: { from } }} />
        <Field name="to" label={t('surveys.officer.to')} type="date" state={{ values: { to } }} />
        <div class="field">
          <label for="q-service">{t('surveys.officer.service')}</label>
          <select id="q-service" name="service">
            {[{ value: '', label: t('surveys.officer.allServices') }, ...serviceOptions].map((o) => (
              <option key={o.value} value={o.value} selected={o.value === (service ?? '')}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="population"
          label={t('surveys.officer.population')}
          hint={t('surveys.officer.populationHint')}
          type="number"
          inputmode="numeric"
          state={{ values: { population } }}
        />
        <button type="submit">{t('surveys.officer.show')}</button>
      </form>
      <IkmSummary ctx={ctx} report={report} />
      <p>
        <a href={`${base}/ikm.pdf?${query}`}>{t('surveys.officer.pdf')}</a>
        {' · '}
        <a href={`${base}/ikm.xlsx?${query}`}>{t('surveys.officer.xlsx')}</a>
      </p>
      {canEnter && (
        <>
          <h2 id="paper">{t('surveys.officer.enterTitle')}</h2>
          <p>{t('surveys.officer.enterLead')}</p>
          <ErrorSummary
            ctx={ctx}
            errors={entry.errors}
            labels={{ ...questionnaireLabels(ctx), service: t('surveys.officer.service') }}
          />
          <Form ctx={ctx} action={`${base}/surveys`} submit={t('surveys.officer.save')}>
            <SelectField name="service" label={t('surveys.officer.service')} state={entry} options={serviceOptions} />
            <QuestionnaireFields ctx={ctx} state={entry} />
          </Form>
        </>
      )}
    </Layout>
  );
}
