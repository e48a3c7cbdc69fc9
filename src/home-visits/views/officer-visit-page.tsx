import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, type FormState, TextArea } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { VisitDetails } from '../describe-home-visit.ts';
import type { OfficerVisitStep } from '../workflow.ts';
import { day, History } from './parts.tsx';

/** Each officer step has its form on the page. */
export type VisitForm = OfficerVisitStep;
const fieldNames = new Set(['note', 'reason', 'date', 'officerIds', 'kitId', 'trackingCode', 'birthDate']);
type Props = {
  ctx: PageContext;
  details: VisitDetails;
  steps: readonly VisitForm[];
  forms: Partial<Record<VisitForm, FormState>>;
  requestId: string;
};

function VisitFormBox({
  ctx,
  action,
  id,
  submit,
  title,
  state,
  requestId,
  children,
}: {
  ctx: PageContext;
  action: VisitForm;
  id: string;
  submit: string;
  title: string;
  state: FormState;
  requestId: string;
  children?: ComponentChildren;
}) {
  const labels = Object.fromEntries(
    Object.keys(state.errors ?? {})
      .filter((f) => fieldNames.has(f))
      .map((f) => [f, ctx.t(`homeVisits.fields.${f}`)]),
  );
  return (
    <section>
      <h2>{title}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <form method="post" action={`/officer/home-visits/${id}/${action}`} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        {/* Made when the page was drawn: a form resent after a dropped connection carries the same id and changes nothing. */}
        <input type="hidden" name="requestId" value={requestId} />
        {children}
        <button type="submit">{submit}</button>
      </form>
    </section>
  );
}

function ScheduleFields({ ctx, details, state }: { ctx: PageContext; details: VisitDetails; state: FormState }) {
  const { t } = ctx;
  const chosen = new Set([state.values?.officerIds ?? []].flat().map(String));
  const officerError = state.errors?.officerIds;
  const kitError = state.errors?.kitId;
  return (
    <>
      <Field name="date" label={t('homeVisits.fields.date')} state={state} type="date" />
      <fieldset id="f-officerIds" class={officerError ? 'field has-error' : 'field'}>
        <legend>{t('homeVisits.fields.officerIds')}</legend>
        <p class="hint">{t('homeVisits.hints.officers')}</p>
        {officerError && <p class="error">{officerError}</p>}
        {details.team.officers.map((o) => (
          <label key={o.id} class="check" for={`officer-${o.id}`}>
            <input type="checkbox" id={`officer-${o.id}`} name="officerIds" value={o.id} checked={chosen.has(o.id)} />{' '}
            {o.name}
          </label>
        ))}
      </fieldset>
      <div class={kitError ? 'field has-error' : 'field'}>
        <label for="f-kitId">{t('homeVisits.fields.kitId')}</label>
        {kitError && <p class="error">{kitError}</p>}
        {details.team.kits.length === 0 && <p class="hint">{t('homeVisits.officer.noKits')}</p>}
        <select id="f-kitId" name="kitId">
          {details.team.kits.map((k) => (
            <option key={k.id} value={k.id} selected={state.values?.kitId === k.id}>
              {k.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** One request in full, with a form for each step the officer may take now (`steps`, from available-actions.ts). */
export function OfficerVisitPage({ ctx, details, steps, forms, requestId }: Props) {
  const { t } = ctx;
  const { visit } = details;
  const title = t('homeVisits.officer.visitTitle', { code: visit.trackingCode });
  const box = (action: VisitForm, titleKey: string, submitKey: string, children?: ComponentChildren) => (
    <VisitFormBox
      ctx={ctx}
      action={action}
      id={visit.id}
      title={t(titleKey)}
      submit={t(submitKey)}
      state={forms[action] ?? {}}
      requestId={requestId}
    >
      {children}
    </VisitFormBox>
  );
  const note = (action: VisitForm) => (
    <TextArea name="note" label={t('homeVisits.fields.note')} state={forms[action] ?? {}} />
  );
  return (
    <Layout ctx={ctx} title={title} hasErrors={Object.values(forms).some((f) => f?.errors)}>
      <p>
        <a href="/officer/home-visits">{t('homeVisits.officer.listTitle')}</a>
      </p>
      <p class="eyebrow">
        {t(`homeVisits.statuses.${visit.status}`)}
        {details.overdue && <strong class="tag">{` ${t('homeVisits.officer.overdue')}`}</strong>}
      </p>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('homeVisits.officer.deadline')}</dt>
        <dd>{day(ctx, visit.answerDueOn)}</dd>
        <dt>{t('homeVisits.officer.requester')}</dt>
        <dd>{`${details.requester.name} <${details.requester.email}> (${t(`homeVisits.relations.${visit.requesterRelation}`)})`}</dd>
        <dt>{t('homeVisits.fields.applicantName')}</dt>
        <dd>{visit.applicantName}</dd>
        <dt>{t('homeVisits.fields.applicantNik')}</dt>
        <dd>{visit.applicantNik}</dd>
        <dt>{t('homeVisits.fields.applicantBirthDate')}</dt>
        <dd>{`${day(ctx, visit.applicantBirthDate)} (${details.age})`}</dd>
        <dt>{t('homeVisits.fields.reason')}</dt>
        <dd>{`${t(`homeVisits.reasons.${visit.reason}`)}${visit.reasonDetails ? `: ${visit.reasonDetails}` : ''}`}</dd>
        <dt>{t('homeVisits.status.place')}</dt>
        <dd>{`${t(`homeVisits.places.${visit.placeKind}`)}: ${visit.address}, ${details.regionName}`}</dd>
        <dt>{t('homeVisits.officer.preferredDates')}</dt>
        <dd>{visit.preferredDates.map((d) => day(ctx, d)).join('; ')}</dd>
        {visit.visitDate && (
          <>
            <dt>{t('homeVisits.status.visitDate')}</dt>
            <dd>{day(ctx, visit.visitDate)}</dd>
          </>
        )}
        {visit.refusalReason && (
          <>
            <dt>{t('homeVisits.status.refusalReason')}</dt>
            <dd>{visit.refusalReason}</dd>
          </>
        )}
        <dt>{t('homeVisits.status.evidence')}</dt>
        <dd>
          {visit.evidenceKey ? (
            <a href={`/officer/home-visits/${visit.id}/evidence`}>{t('homeVisits.officer.downloadEvidence')}</a>
          ) : (
            t('homeVisits.officer.noEvidence')
          )}
        </dd>
        {details.application && (
          <>
            <dt>{t('homeVisits.officer.linkTitle')}</dt>
            <dd>
              {t('homeVisits.officer.linked', { code: details.application.trackingCode })}{' '}
              <a href={`/officer/cases/${details.application.id}`}>{t('homeVisits.officer.openCase')}</a>
            </dd>
          </>
        )}
      </dl>
      {steps.includes('accept') &&
        box('accept', 'homeVisits.officer.acceptTitle', 'homeVisits.officer.accept', note('accept'))}
      {steps.includes('schedule') &&
        box(
          'schedule',
          'homeVisits.officer.scheduleTitle',
          visit.status === 'scheduled' ? 'homeVisits.officer.reschedule' : 'homeVisits.officer.schedule',
          <ScheduleFields ctx={ctx} details={details} state={forms.schedule ?? {}} />,
        )}
      {steps.includes('refuse') &&
        box(
          'refuse',
          'homeVisits.officer.refuseTitle',
          'homeVisits.officer.refuse',
          <TextArea name="reason" label={t('homeVisits.fields.refusalReason')} state={forms.refuse ?? {}} />,
        )}
      {steps.includes('link') &&
        box(
          'link',
          'homeVisits.officer.linkTitle',
          'homeVisits.officer.link',
          <>
            <p class="hint">{t('homeVisits.officer.linkHint')}</p>
            <Field name="trackingCode" label={t('homeVisits.fields.trackingCode')} state={forms.link ?? {}} />
            <Field name="birthDate" label={t('homeVisits.fields.birthDate')} state={forms.link ?? {}} type="date" />
          </>,
        )}
      {steps.includes('visited') &&
        box('visited', 'homeVisits.officer.visitedTitle', 'homeVisits.officer.markVisited', note('visited'))}
      <History ctx={ctx} history={details.history} />
    </Layout>
  );
}
