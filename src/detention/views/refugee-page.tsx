import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { getRefugee } from '../list-refugees.ts';
import type { RefugeeStep } from '../workflow.ts';
import { nameOf } from './detention-page.tsx';

type Props = {
  ctx: PageContext;
  view: Awaited<ReturnType<typeof getRefugee>>;
  steps: RefugeeStep[];
  state: FormState;
  requestId: string;
  thisMonth: string;
};

/** One refugee: the card, the months stamped, the form to stamp this month's report and the ends of oversight. */
export function RefugeePage({ ctx, view, steps, state, requestId, thisMonth }: Props) {
  const { t } = ctx;
  const r = view.refugee;
  const ends = steps.filter((s) => s !== 'report');
  const sent = state.values?.step;
  return (
    <Layout ctx={ctx} title={nameOf(r.person)} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/refugees">{t('detention.refugees.title')}</a>
      </p>
      <h1>{nameOf(r.person)}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{}} />
      <dl>
        <dt>{t('detention.refugees.columns.card')}</dt>
        <dd>{r.cardNumber}</dd>
        <dt>{t('detention.refugees.columns.unhcr')}</dt>
        <dd>
          {t(`detention.unhcrStatuses.${r.unhcrStatus}`)} {r.unhcrNumber}
        </dd>
        <dt>{t('detention.refugees.columns.shelter')}</dt>
        <dd>{r.shelter}</dd>
        <dt>{t('detention.refugees.columns.status')}</dt>
        <dd>{t(`detention.refugeeStatuses.${r.status}`)}</dd>
        <dt>{t('detention.refugees.months')}</dt>
        <dd>{r.reportedMonths.length ? r.reportedMonths.join(', ') : '—'}</dd>
      </dl>
      {steps.includes('report') && (
        <section aria-labelledby="report">
          <h2 id="report">{t('detention.refugees.report')}</h2>
          <Form ctx={ctx} action={`/officer/refugees/${r.id}/reports`} submit={t('detention.refugees.stamp')}>
            <input type="hidden" name="requestId" value={`${requestId}-report`} />
            <Field
              name="month"
              label={t('detention.refugees.fields.month')}
              hint={t('detention.refugees.monthHint')}
              state={sent ? {} : { ...state, values: { month: thisMonth, ...state.values } }}
            />
          </Form>
        </section>
      )}
      {ends.length > 0 && (
        <section aria-labelledby="end">
          <h2 id="end">{t('detention.refugees.end')}</h2>
          <Form ctx={ctx} action={`/officer/refugees/${r.id}/actions`} submit={t('detention.refugees.endSubmit')}>
            <input type="hidden" name="requestId" value={`${requestId}-end`} />
            <SelectField
              name="step"
              label={t('detention.refugees.fields.step')}
              state={sent ? state : {}}
              options={ends.map((s) => ({ value: s, label: t(`detention.refugeeSteps.${s}`) }))}
            />
            <Field name="on" label={t('detention.fields.on')} state={sent ? state : {}} type="date" />
            <Field name="note" label={t('detention.fields.note')} state={sent ? state : {}} />
          </Form>
        </section>
      )}
      <h2>{t('detention.history')}</h2>
      <ol>
        {view.history.map((h) => (
          <li key={h.id}>
            {formatDateTime(ctx.lang, h.at)}: {t(`detention.refugeeActions.${h.type}`)}
            {typeof h.payload.month === 'string' ? ` ${h.payload.month}` : ''}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
