import { formatDateTime, formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import type { TipDetails } from '../list-tips.ts';
import type { TipReporter } from '../reveal-tip-reporter.ts';
import { tipOutcomes } from '../schema.ts';
import { entryText } from '../tip-records.ts';
import { handOverTargets, type TipStep } from '../workflow.ts';
import { options } from './parts.tsx';
import { StepText } from '../../platform/views/step-text.tsx';
import { StepForm, summaryOf } from './step-form.tsx';
import { RaiseWarningForm } from './warning-form.tsx';

type Props = {
  ctx: PageContext;
  details: TipDetails;
  state: FormState & { step?: string };
  requestId: string;
  /** Set only on the answer to "show the sender", for the officers of the tip's own office. */
  reporter?: TipReporter;
};

function Reporter({ ctx, reporter }: { ctx: PageContext; reporter: TipReporter }) {
  const { t } = ctx;
  const who = reporter.anonymous
    ? t('villageTips.officer.anonymous')
    : [reporter.name, reporter.phone, reporter.email].filter(Boolean).join(' · ');
  return (
    <section aria-labelledby="reporter" class="notice">
      <h2 id="reporter">{t('villageTips.officer.reporter')}</h2>
      <p>{who}</p>
      {reporter.hasAccount && <p>{t('villageTips.officer.hasAccount')}</p>}
      {reporter.recordedBy && <p>{`${t('villageTips.officer.recordedBy')}: ${reporter.recordedBy}`}</p>}
    </section>
  );
}

/** One tip: what was said, deadlines, history, the steps its status allows, "show the sender", raising a warning. */
export function OfficerTipPage({ ctx, details, state, requestId, reporter }: Props) {
  const { t, lang } = ctx;
  const { tip, history, steps, warnings } = details;
  const action = `/officer/desa-binaan/tips/${tip.id}/actions`;
  const stateOf = (step: string): FormState => (state.step === step ? state : {});
  // A warning raised from the tip starts from what the tip says: its village and whom it names.
  const raiseState: FormState =
    state.step === 'raise'
      ? state
      : { values: { areaCode: tip.villageCode ?? '', recruiterName: tip.subjectName ?? '' } };
  const f = (name: string) => t(`villageTips.fields.${name}`);
  const form = (step: TipStep, children: preact.ComponentChildren) =>
    steps.includes(step) && (
      <StepForm ctx={ctx} action={action} step={step} title={t(`villageTips.steps.${step}`)} requestId={requestId}>
        {children}
        <StepText step={step} label={f('text')} state={stateOf(step)} />
      </StepForm>
    );
  const overdue = <strong class="tag">{` ${t('villageTips.officer.overdue')}`}</strong>;
  const labels = { text: f('text'), credible: f('credible'), handedTo: f('handedTo'), outcome: f('outcome') };
  return (
    <Layout ctx={ctx} title={t('villageTips.officer.tipTitle', { code: tip.trackingCode })} hasErrors={!!state.errors}>
      <h1>{t('villageTips.officer.tipTitle', { code: tip.trackingCode })}</h1>
      <ErrorSummary ctx={ctx} errors={summaryOf(state)} labels={{ ...labels, reason: f('reason') }} />
      {reporter && <Reporter ctx={ctx} reporter={reporter} />}
      <dl>
        <dt>{f('kind')}</dt>
        <dd>{t(`villageTips.kinds.${tip.kind}`)}</dd>
        {tip.channel && (
          <>
            <dt>{f('channel')}</dt>
            <dd>{t(`villageTips.channels.${tip.channel}`)}</dd>
          </>
        )}
        <dt>{f('villageCode')}</dt>
        <dd>
          {details.place
            ? `${details.place.village}, ${details.place.district}, ${details.place.regency} (${tip.villageCode})`
            : '—'}
        </dd>
        <dt>{f('unitCode')}</dt>
        <dd>{tip.unitCode}</dd>
        <dt>{f('status')}</dt>
        <dd>
          {t(`villageTips.statuses.${tip.status}`)}
          {tip.outcome && ` (${t(`villageTips.outcomes.${tip.outcome}`)})`}
        </dd>
        <dt>{f('assignee')}</dt>
        <dd>{tip.assigneeName ?? '—'}</dd>
        <dt>{f('receivedAt')}</dt>
        <dd>{formatDateTime(lang, tip.receivedAt)}</dd>
        <dt>{f('triageDueOn')}</dt>
        <dd>
          {formatDay(lang, tip.triageDueOn)}
          {tip.overdue.triage && overdue}
        </dd>
        <dt>{f('closeDueOn')}</dt>
        <dd>
          {formatDay(lang, tip.closeDueOn)}
          {tip.overdue.close && overdue}
        </dd>
        {tip.subjectName && (
          <>
            <dt>{f('subjectName')}</dt>
            <dd>{tip.subjectName}</dd>
          </>
        )}
      </dl>
      <h2>{f('description')}</h2>
      <p class="prewrap">{tip.description}</p>
      {warnings.length > 0 && (
        <>
          <h2>{t('villageTips.officer.warningsTitle')}</h2>
          <ul>
            {warnings.map((w) => (
              <li key={w.id}>
                <a href={`/officer/desa-binaan/warnings/${w.id}`}>
                  {`${t(`villageTips.warningKinds.${w.kind}`)} — ${t(`villageTips.warningStatuses.${w.status}`)}`}
                </a>
                {`: ${w.summary}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('villageTips.officer.history')}</h2>
      <ol class="history">
        {history.map((h, i) => (
          <li key={i}>
            <time>{formatDateTime(lang, h.at)}</time> {t(`villageTips.history.${h.type}`)}
            {entryText(h) ? `: ${entryText(h)}` : ''}
          </li>
        ))}
      </ol>
      {steps.length > 0 && <h2>{t('common.actions')}</h2>}
      {form(
        'triage',
        <Radios
          name="credible"
          legend={f('credible')}
          state={stateOf('triage')}
          options={options(ctx, 'credible', ['yes', 'no'])}
        />,
      )}
      {steps.includes('take') && (
        <StepForm ctx={ctx} action={action} step="take" title={t('villageTips.steps.take')} requestId={requestId}>
          {null}
        </StepForm>
      )}
      {form('answer', null)}
      {form(
        'hand_over',
        <SelectField
          name="handedTo"
          label={f('handedTo')}
          state={stateOf('hand_over')}
          options={options(ctx, 'handOver', handOverTargets)}
        />,
      )}
      {form('note', null)}
      {form(
        'close',
        <SelectField
          name="outcome"
          label={f('outcome')}
          state={stateOf('close')}
          options={options(ctx, 'outcomes', tipOutcomes)}
        />,
      )}
      {details.raiseWarning && (
        <section>
          <h2>{t('villageTips.officer.raiseWarning')}</h2>
          <RaiseWarningForm ctx={ctx} state={raiseState} requestId={requestId} tipId={tip.id} />
        </section>
      )}
      {details.reveal && !reporter && (
        <section>
          <h2>{t('villageTips.officer.reveal')}</h2>
          <p>{t('villageTips.officer.revealLead')}</p>
          <PostForm
            ctx={ctx}
            action={`/officer/desa-binaan/tips/${tip.id}/reporter`}
            submit={t('villageTips.officer.reveal')}
          >
            <Field name="reason" label={f('reason')} state={stateOf('reveal')} />
          </PostForm>
        </section>
      )}
    </Layout>
  );
}
