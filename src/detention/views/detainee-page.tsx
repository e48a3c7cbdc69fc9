import type { ComponentChildren } from 'preact';
import { formatCalendarDate, formatDateTime, formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { DetaineeView } from '../get-detainee.ts';
import { blocks, releaseReasons } from '../schema.ts';
import type { DetaineeStep } from '../workflow.ts';

type Props = { ctx: PageContext; view: DetaineeView; steps: DetaineeStep[]; state: FormState; requestId: string };

function StepForm(props: {
  ctx: PageContext;
  id: string;
  step: DetaineeStep;
  requestId: string;
  children: ComponentChildren;
}) {
  const { ctx, id, step, requestId, children } = props;
  return (
    <section aria-labelledby={`step-${step}`}>
      <h3 id={`step-${step}`}>{ctx.t(`detention.steps.${step}`)}</h3>
      <Form ctx={ctx} action={`/officer/detention/detainees/${id}/actions`} submit={ctx.t(`detention.steps.${step}`)}>
        <input type="hidden" name="step" value={step} />
        <input type="hidden" name="requestId" value={`${requestId}-${step}`} />
        {children}
      </Form>
    </section>
  );
}

/** The fields of each step's form; the state is the sent form's only when that step was sent. */
function stepFields(ctx: PageContext, step: DetaineeStep, state: FormState) {
  const { t } = ctx;
  const f = (name: string, type?: 'date' | 'number') => (
    <Field key={name} name={name} label={t(`detention.fields.${name}`)} state={state} type={type} />
  );
  const on = f('on', 'date');
  switch (step) {
    case 'move':
      return [
        <SelectField
          key="block"
          name="block"
          label={t('detention.fields.block')}
          state={state}
          options={blocks.map((b) => ({ value: b, label: t(`detention.blocks.${b}`) }))}
        />,
        f('room'),
      ];
    case 'property_in':
    case 'property_out':
      return [f('item'), f('quantity', 'number'), on];
    case 'health_check':
      return [
        on,
        f('examiner'),
        <TextArea key="findings" name="findings" label={t('detention.fields.findings')} state={state} />,
      ];
    case 'visit':
      return [f('visitorName'), f('relation'), on, f('time')];
    case 'leave':
      return [
        f('from', 'date'),
        f('to', 'date'),
        <Field key="reason" name="reason" label={t('detention.fields.leaveReason')} state={state} />,
      ];
    case 'review':
      return [on, <TextArea key="note" name="note" label={t('detention.fields.note')} state={state} />];
    case 'transfer':
      return [on, f('to')];
    case 'release':
      return [
        on,
        <SelectField
          key="reason"
          name="reason"
          label={t('detention.fields.releaseReason')}
          state={state}
          options={releaseReasons
            .filter((r) => r !== 'transferred' && r !== 'deported')
            .map((r) => ({ value: r, label: t(`detention.releaseReasons.${r}`) }))}
        />,
        f('reference'),
      ];
    default:
      return [on];
  }
}

/** One detainee: the decision, the hand-over, the count, the deposit, health (Rudenim only), history, and the steps. */
export function DetaineePage({ ctx, view, steps, state, requestId }: Props) {
  const { t } = ctx;
  const d = view.detainee;
  const p = view.person;
  const sent = state.values?.step;
  const title = `${p.surname}, ${p.givenNames} (${p.nationality})`;
  const row = (label: string, value: ComponentChildren) => (
    <>
      <dt>{t(`detention.detail.${label}`)}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/detention">{t('detention.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{}} />
      <dl>
        {row('status', t(`detention.statuses.${d.status}`))}
        {row('decision', `${d.decisionNumber}, ${formatCalendarDate(ctx.lang, d.decisionDate)} — ${d.signedBy}`)}
        {row('reason', t(`detention.reasons.${d.reason}`))}
        {row('place', d.place)}
        {row(
          'authority',
          d.authorityUnitCode === d.unitCode ? d.unitCode : t('detention.titipan', { unit: d.authorityUnitCode }),
        )}
        {row('handover', `${d.handedByAgency} (${d.handedByOfficer}), ${formatCalendarDate(ctx.lang, d.handedOn)}`)}
        {row('block', `${t(`detention.blocks.${d.block}`)}${d.room ? ` ${d.room}` : ''}`)}
        {row(
          'days',
          t('detention.detail.daysValue', {
            n: formatNumber(ctx.lang, d.days),
            on: formatCalendarDate(ctx.lang, d.limitOn),
          }),
        )}
        {row('reviewDue', d.reviewDueOn ? formatCalendarDate(ctx.lang, d.reviewDueOn) : '—')}
        {d.caseRef && row('caseRef', d.caseRef)}
        {d.releasedOn &&
          row(
            'released',
            `${formatCalendarDate(ctx.lang, d.releasedOn)}: ${t(`detention.releaseReasons.${d.releaseReason}`)} ${d.releaseRef ?? ''}`,
          )}
      </dl>
      <h2>{t('detention.property.title')}</h2>
      {view.property.balance.length === 0 ? (
        <p>{t('detention.property.none')}</p>
      ) : (
        <ul>
          {view.property.balance.map((b) => (
            <li key={b.item}>
              {formatNumber(ctx.lang, b.quantity)} × {b.item}
            </li>
          ))}
        </ul>
      )}
      {view.health && (
        <>
          <h2>{t('detention.health.title')}</h2>
          {view.health.length === 0 ? (
            <p>{t('detention.health.none')}</p>
          ) : (
            <ul>
              {view.health.map((h) => (
                <li key={h.id}>
                  {formatCalendarDate(ctx.lang, h.checkedOn)}, {h.examiner}: {h.findings}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2>{t('detention.history')}</h2>
      <ol>
        {view.history.map((h) => (
          <li key={h.id}>
            {formatDateTime(ctx.lang, h.at)}: {t(`detention.actions.${h.type}`)}
          </li>
        ))}
      </ol>
      {steps.length > 0 && <h2>{t('detention.stepsTitle')}</h2>}
      {steps.map((step) => (
        <StepForm key={step} ctx={ctx} id={d.id} step={step} requestId={requestId}>
          {stepFields(ctx, step, sent === step ? state : {})}
        </StepForm>
      ))}
    </Layout>
  );
}
