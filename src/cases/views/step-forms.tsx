import crypto from 'node:crypto';
import type { ComponentChildren } from 'preact';
import type { DocumentRequirement } from '../../applications/required-documents.ts';
import type { Application } from '../../applications/schema.ts';
import { Radios } from '../../platform/views/radios.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { Field, type FormState, SelectField, TextArea } from '../../platform/views/form.tsx';
import { traffickingIndicators } from '../case-form.ts';
import type { WarningNote } from '../../village-tips/find-open-warnings.ts';
import type { DeferralReason } from '../schema.ts';
import type { CaseStep } from '../workflow.ts';

type FormProps = { ctx: PageContext; application: Application; state: FormState };
/** What the workstation remembers for the officer's next form: the fingerprint scanner typed last time. */
export type Remembered = { device?: string };

/**
 * One form posting one action. Each carries a fresh request id, so a form sent twice (a double click, a resend
 * after a dropped connection) is recorded once; a form shown again after an error keeps the id it was sent with.
 */
export function ActionForm(props: {
  ctx: PageContext;
  application: Application;
  type: string;
  state?: FormState;
  submit: string;
  upload?: boolean;
  secondary?: boolean;
  children?: ComponentChildren;
}) {
  const { ctx, application, type, state, submit, upload, secondary, children } = props;
  const sent = state?.values?.requestId;
  const requestId = typeof sent === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(sent) ? sent : crypto.randomUUID();
  return (
    <form
      method="post"
      action={`/officer/cases/${application.id}/actions`}
      enctype={upload ? 'multipart/form-data' : undefined}
      novalidate
      class={children ? undefined : 'inline'}
    >
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="requestId" value={requestId} />
      {children}
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {submit}
      </button>
    </form>
  );
}

function Check({
  name,
  value = 'yes',
  label,
  state,
}: {
  name: string;
  value?: string;
  label: string;
  state: FormState;
}) {
  const sent = state.values?.[name];
  const checked = Array.isArray(sent) ? sent.includes(value) : sent === value;
  return (
    <label class="check" for={`f-${name}-${value}`}>
      <input type="checkbox" id={`f-${name}-${value}`} name={name} value={value} checked={checked} /> {label}
    </label>
  );
}

function DocumentCheckForm({
  ctx,
  application,
  state,
  requirements,
}: FormProps & { requirements: DocumentRequirement[] }) {
  const { t } = ctx;
  const choices = [
    { value: 'accepted', label: t('cases.documentCheck.accepted') },
    { value: 'refused', label: t('cases.documentCheck.refused') },
    { value: 'absent', label: t('cases.documentCheck.absent') },
  ];
  return (
    <ActionForm
      ctx={ctx}
      application={application}
      type="document_check"
      state={state}
      submit={t('cases.documentCheck.submit')}
    >
      <p class="hint">{t('cases.documentCheck.lead')}</p>
      {requirements.flatMap((r) =>
        r.kinds.map((kind) => (
          <div key={kind}>
            <Radios
              name={`doc_${kind}`}
              legend={`${t(`applications.documentKinds.${kind}`)} (${r.kinds.length > 1 ? t('cases.documentCheck.oneOf') : r.required ? t('applications.documents.required') : t('applications.documents.optional')})`}
              state={{ values: { [`doc_${kind}`]: 'absent', ...state.values }, errors: state.errors }}
              options={choices}
            />
            <Field name={`reason_${kind}`} label={t('cases.documentCheck.reason')} state={state} />
          </div>
        )),
      )}
    </ActionForm>
  );
}

function BiometricsForm({ ctx, application, state, remembered }: FormProps & { remembered: Remembered }) {
  const { t } = ctx;
  const values = { fingers: '10', ...(remembered.device && { device: remembered.device }), ...state.values };
  const s = { values, errors: state.errors };
  const error = state.errors?.photo ?? state.errors?.file;
  return (
    <ActionForm
      ctx={ctx}
      application={application}
      type="capture_biometrics"
      state={state}
      submit={t('cases.biometrics.submit')}
      upload
    >
      <div class={error ? 'field has-error' : 'field'}>
        <label for="f-photo">{t('cases.biometrics.photo')}</label>
        <p class="hint">{t('cases.biometrics.photoHint')}</p>
        {error && <p class="error">{error}</p>}
        <input type="file" id="f-photo" name="photo" accept="image/jpeg,image/png" />
      </div>
      <Field name="device" label={t('cases.biometrics.device')} hint={t('cases.biometrics.deviceHint')} state={s} />
      <Field
        name="quality"
        label={t('cases.biometrics.quality')}
        hint={t('cases.biometrics.qualityHint')}
        state={s}
        inputmode="numeric"
      />
      <Field name="fingers" label={t('cases.biometrics.fingers')} state={s} inputmode="numeric" />
    </ActionForm>
  );
}

/** A deferral reason's name in the officer's language. */
export const reasonName = (ctx: PageContext, reason: DeferralReason) =>
  ctx.lang === 'en' ? reason.nameEn : reason.nameId;

/**
 * The interview; a form sent back for a warned sponsor (interview-applicant.ts) offers one acknowledgement per
 * recruiter warning the note now shows, carrying the warning's id.
 */
function InterviewForm({
  ctx,
  application,
  state,
  reasons,
  warnings,
}: FormProps & { reasons: DeferralReason[]; warnings: WarningNote[] }) {
  const warned = warnings.filter((w) => w.kind === 'recruiter' && w.recruiterName);
  const { t } = ctx;
  const prefilled = {
    purpose: application.purpose ? t(`applications.purposes.${application.purpose}`) : '',
    workRecommendation: application.pmiRecommendationNumber ?? '',
  };
  const values = { ...prefilled, ...state.values };
  const s = { values, errors: state.errors };
  return (
    <ActionForm ctx={ctx} application={application} type="interview" state={state} submit={t('cases.interview.submit')}>
      <Field name="purpose" label={t('cases.interview.purpose')} state={s} />
      <Field name="destination" label={t('cases.interview.destination')} state={s} />
      <Field name="sponsor" label={t('cases.interview.sponsor')} state={s} />
      <Field
        name="workRecommendation"
        label={t('cases.interview.workRecommendation')}
        hint={t('cases.interview.workHint')}
        state={s}
      />
      <Check name="answersConsistent" label={t('cases.interview.answersConsistent')} state={s} />
      <fieldset>
        <legend>{t('cases.interview.indicators')}</legend>
        {traffickingIndicators.map((i) => (
          <Check key={i} name="indicators" value={i} label={t(`cases.indicators.${i}`)} state={s} />
        ))}
      </fieldset>
      <Radios
        name="outcome"
        legend={t('cases.interview.outcome')}
        state={s}
        options={[
          { value: 'pass', label: t('cases.interview.pass') },
          { value: 'defer', label: t('cases.interview.defer') },
        ]}
      />
      <SelectField
        name="reasonCode"
        label={t('cases.interview.reasonCode')}
        hint={t('cases.interview.reasonCodeHint')}
        state={s}
        options={[
          { value: '', label: t('cases.interview.reasonCodeNone') },
          ...reasons.filter((r) => r.active).map((r) => ({ value: r.code, label: reasonName(ctx, r) })),
        ]}
      />
      <TextArea name="reason" label={t('cases.interview.reason')} hint={t('cases.interview.reasonHint')} state={s} />
      {(s.errors?.sponsor || state.values?.warningsAcknowledged) &&
        warned.map((w) => (
          <Check
            key={w.id}
            name="warningsAcknowledged"
            value={w.id}
            label={`${t('cases.interview.warningsAcknowledged')}: ${w.recruiterName}`}
            state={s}
          />
        ))}
    </ActionForm>
  );
}

function AdjudicateForm({ ctx, application, state }: FormProps) {
  const { t } = ctx;
  return (
    <ActionForm
      ctx={ctx}
      application={application}
      type="adjudicate"
      state={state}
      submit={t('cases.adjudicate.submit')}
    >
      <p class="hint">{t('cases.adjudicate.lead')}</p>
      <Radios
        name="decision"
        legend={t('cases.adjudicate.decision')}
        state={state}
        options={[
          { value: 'approve', label: t('cases.adjudicate.approve') },
          { value: 'reject', label: t('cases.adjudicate.reject') },
        ]}
      />
      <TextArea
        name="reason"
        label={t('cases.adjudicate.reason')}
        hint={t('cases.adjudicate.reasonHint')}
        state={state}
      />
    </ActionForm>
  );
}

/** Printing; when the application does not say which part of the name is the family name, the officer asks. */
function PrintForm({ ctx, application, state }: FormProps) {
  const { t } = ctx;
  return (
    <ActionForm ctx={ctx} application={application} type="print" state={state} submit={t('cases.submit.print')}>
      <p class="hint">{t('cases.print.lead')}</p>
      {application.familyName === null && (
        <fieldset>
          <legend>{t('cases.print.familyNameLegend', { name: application.fullName ?? '' })}</legend>
          <Field
            name="familyName"
            label={t('applications.fields.familyName')}
            hint={t('applications.hints.familyName')}
            state={state}
          />
          <Check name="noFamilyName" label={t('applications.noFamilyName')} state={state} />
        </fieldset>
      )}
    </ActionForm>
  );
}

function QualityCheckForm({ ctx, application, state }: FormProps) {
  const { t } = ctx;
  return (
    <ActionForm
      ctx={ctx}
      application={application}
      type="quality_check"
      state={state}
      submit={t('cases.qualityCheck.submit')}
    >
      <Radios
        name="passed"
        legend={t('cases.qualityCheck.passed')}
        state={state}
        options={[
          { value: 'yes', label: t('cases.qualityCheck.yes') },
          { value: 'no', label: t('cases.qualityCheck.no') },
        ]}
      />
      <TextArea name="reason" label={t('cases.qualityCheck.reason')} state={state} />
    </ActionForm>
  );
}

function HandOverForm({ ctx, application, state }: FormProps) {
  const { t } = ctx;
  return (
    <ActionForm ctx={ctx} application={application} type="hand_over" state={state} submit={t('cases.handOver.submit')}>
      <Check name="identityChecked" label={t('cases.handOver.identityChecked')} state={state} />
      <Radios
        name="recipient"
        legend={t('cases.handOver.recipient')}
        state={{ values: { recipient: 'applicant', ...state.values }, errors: state.errors }}
        options={[
          { value: 'applicant', label: t('cases.handOver.applicant') },
          { value: 'proxy', label: t('cases.handOver.proxy') },
        ]}
      />
      <fieldset>
        <legend>{t('cases.handOver.proxyTitle')}</legend>
        <Field name="proxyName" label={t('cases.handOver.proxyName')} state={state} />
        <Field name="proxyNik" label={t('cases.handOver.proxyNik')} state={state} inputmode="numeric" />
        <Field name="proxyPowerOfAttorney" label={t('cases.handOver.proxyPowerOfAttorney')} state={state} />
      </fieldset>
    </ActionForm>
  );
}

/** The form of one step, headed by its name; steps without input are a single button. */
export function StepForm({
  ctx,
  application,
  step,
  state,
  requirements,
  remembered = {},
  reasons,
  warnings,
}: FormProps & {
  step: CaseStep;
  requirements: DocumentRequirement[];
  remembered?: Remembered;
  /** The deferral reasons (the active ones are offered). */
  reasons: DeferralReason[];
  /** The warnings the case page's note shows (none for a reader not let read them). */
  warnings: WarningNote[];
}) {
  const { t } = ctx;
  const props = { ctx, application, state };
  const simple = (lead: string) => (
    <>
      <p>{t(lead)}</p>
      <ActionForm ctx={ctx} application={application} type={step} state={state} submit={t(`cases.submit.${step}`)} />
    </>
  );
  const body = {
    document_check: () => <DocumentCheckForm {...props} requirements={requirements} />,
    watchlist_check: () => simple('cases.watchlist.lead'),
    confirm_payment: () => simple('cases.payment.lead'),
    capture_biometrics: () => <BiometricsForm {...props} remembered={remembered} />,
    interview: () => <InterviewForm {...props} reasons={reasons} warnings={warnings} />,
    adjudicate: () => <AdjudicateForm {...props} />,
    print: () => <PrintForm {...props} />,
    quality_check: () => <QualityCheckForm {...props} />,
    hand_over: () => <HandOverForm {...props} />,
  }[step];
  return (
    <section aria-labelledby={`step-${step}`}>
      <h3 id={`step-${step}`}>{t(`cases.actions.${step}`)}</h3>
      {body()}
    </section>
  );
}
