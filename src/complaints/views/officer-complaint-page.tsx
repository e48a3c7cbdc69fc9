import { formatDay, formatDateTime } from '../../platform/i18n/index.ts';
import { StepText, stepTextId } from '../../platform/views/step-text.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { publicText } from '../complaint-actions.ts';
import type { ComplaintDetails } from '../list-complaints.ts';
import type { ComplaintStep } from '../workflow.ts';
import { PostForm } from '../../platform/views/post-form.tsx';

type Props = {
  ctx: PageContext;
  details: ComplaintDetails;
  state: FormState & { step?: ComplaintStep };
  requestId: string;
};

/** What each step's text box asks for (the others: the text itself). */
const textLabels: Partial<Record<ComplaintStep, string>> = {
  verify: 'complaints.fields.note',
  archive: 'complaints.fields.archiveReason',
  close: 'complaints.fields.note',
  note: 'complaints.fields.note',
};

/** One complaint: what was said, deadlines, history, and a form for each step its status allows. */
export function OfficerComplaintPage({ ctx, details, state, requestId }: Props) {
  const { t } = ctx;
  const { complaint: c, history, attachments, names, steps, assignees } = details;
  const action = `/officer/complaints/${c.id}/actions`;
  const stateOf = (step: ComplaintStep): FormState => (state.step === step ? state : {});
  const labels = {
    text: t('complaints.fields.text'),
    forwardedTo: t('complaints.fields.forwardedTo'),
    assigneeId: t('complaints.fields.assigneeId'),
  };
  const form = (step: ComplaintStep, fields: preact.ComponentChildren) =>
    steps.includes(step) && (
      <section key={step}>
        <h3>{t(`complaints.steps.${step}`)}</h3>
        <PostForm ctx={ctx} action={action} submit={t(`complaints.steps.${step}`)}>
          {/* Made when the page was drawn, one per step's form: a form resent after a dropped connection carries the same
              id and changes nothing, while another step from the same page is a request of its own. */}
          <input type="hidden" name="requestId" value={`${requestId}_${step}`} />
          <input type="hidden" name="step" value={step} />
          {fields}
        </PostForm>
      </section>
    );
  const textLabel = (step: ComplaintStep) => t(textLabels[step] ?? 'complaints.fields.text');
  const text = (step: ComplaintStep) => <StepText step={step} label={textLabel(step)} state={stateOf(step)} />;
  // The refused step's text box is the one the summary links to: each step's box has an id of its own.
  const summaryErrors =
    state.errors &&
    Object.fromEntries(
      Object.entries(state.errors).map(([k, v]) => [k === 'text' && state.step ? stepTextId(state.step) : k, v]),
    );
  const summaryLabels: Record<string, string> = {
    ...labels,
    ...(state.step ? { [stepTextId(state.step)]: textLabel(state.step) } : {}),
  };
  return (
    <Layout ctx={ctx} title={`${t('complaints.officer.complaint')} ${c.trackingCode}`} hasErrors={!!state.errors}>
      <h1>{`${t('complaints.officer.complaint')} ${c.trackingCode}`}</h1>
      <ErrorSummary ctx={ctx} errors={summaryErrors} labels={summaryLabels} />
      <dl>
        <dt>{t('complaints.fields.status')}</dt>
        <dd>{t(`complaints.statuses.${c.status}`)}</dd>
        <dt>{t('complaints.fields.type')}</dt>
        <dd>{t(`complaints.types.${c.type}`)}</dd>
        <dt>{t('complaints.fields.category')}</dt>
        <dd>{t(`complaints.categories.${c.category}`)}</dd>
        <dt>{t('complaints.fields.channel')}</dt>
        <dd>{`${t(`complaints.channels.${c.channel}`)}${c.laporReference ? ` (${c.laporReference})` : ''}`}</dd>
        <dt>{t('complaints.fields.unitCode')}</dt>
        <dd>{c.unitCode}</dd>
        <dt>{t('complaints.fields.receivedAt')}</dt>
        <dd>{formatDateTime(ctx.lang, c.receivedAt)}</dd>
        <dt>{t('complaints.fields.verifyDueOn')}</dt>
        <dd>
          {formatDay(ctx.lang, c.verifyDueOn)}
          {c.overdue.verification && <strong class="tag">{` ${t('complaints.officer.overdue')}`}</strong>}
        </dd>
        <dt>{t('complaints.fields.answerDueOn')}</dt>
        <dd>
          {c.answerDueOn ? formatDay(ctx.lang, c.answerDueOn) : '—'}
          {c.overdue.answer && <strong class="tag">{` ${t('complaints.officer.overdue')}`}</strong>}
        </dd>
        {c.applicationTrackingCode && (
          <>
            <dt>{t('complaints.fields.applicationTrackingCode')}</dt>
            <dd>{c.applicationTrackingCode}</dd>
          </>
        )}
        {c.subjectName && (
          <>
            <dt>{t('complaints.fields.subjectName')}</dt>
            <dd>{c.subjectName}</dd>
          </>
        )}
        <dt>{t('complaints.reporterSection')}</dt>
        <dd>
          {c.reporter
            ? [c.reporter.name, c.reporter.email, c.reporter.phone].filter(Boolean).join(' · ')
            : t('complaints.officer.identityHidden')}
        </dd>
        <dt>{t('complaints.fields.assigneeId')}</dt>
        <dd>{c.assignedTo ? (names.get(c.assignedTo) ?? '—') : '—'}</dd>
      </dl>
      <h2>{t('complaints.fields.description')}</h2>
      <p class="prewrap">{c.description}</p>
      {attachments.length > 0 && (
        <ul>
          {attachments.map((a, i) => (
            <li key={a.id}>
              <a
                href={`/officer/complaints/${c.id}/attachments/${a.id}`}
              >{`${t('complaints.fields.file')} ${i + 1} (${a.mediaType}, ${Math.ceil(a.size / 1024)} KB)`}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('complaints.officer.history')}</h2>
      <ol class="history">
        {history.map((h, i) => (
          <li key={i}>
            <time>{formatDateTime(ctx.lang, h.at)}</time> {t(`complaints.history.${h.type}`)}
            {h.actorId ? ` (${names.get(h.actorId) ?? '—'})` : ''}
            {h.public ? ` [${t('complaints.officer.public')}]` : ''}
            {publicText(h) || typeof h.payload.note === 'string' ? `: ${publicText(h) || String(h.payload.note)}` : ''}
          </li>
        ))}
      </ol>
      {steps.length > 0 && (
        <>
          <h2>{t('common.actions')}</h2>
          {form('verify', text('verify'))}
          {form('forward', <Field name="forwardedTo" label={labels.forwardedTo} state={stateOf('forward')} />)}
          {form('archive', text('archive'))}
          {form(
            'assign',
            <SelectField
              name="assigneeId"
              label={labels.assigneeId}
              state={stateOf('assign')}
              options={assignees.map((o) => ({ value: o.id, label: o.name }))}
            />,
          )}
          {form('answer', text('answer'))}
          {form('close', text('close'))}
          {form('reply', text('reply'))}
          {form('note', text('note'))}
        </>
      )}
    </Layout>
  );
}
