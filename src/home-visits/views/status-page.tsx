import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { HomeVisit } from '../schema.ts';
import type { VisitHistoryEntry } from '../visit-actions.ts';
import { openVisitStatuses } from '../workflow.ts';
import { day, History } from './parts.tsx';

type Props = {
  ctx: PageContext;
  visit: HomeVisit;
  history: VisitHistoryEntry[];
  sent: boolean;
  mayAddEvidence: boolean;
  evidenceState: FormState;
  maxBytes: number;
};

/** What the requester follows: status, the answer deadline, the visit date or the refusal reason, and the history. */
export function StatusPage({ ctx, visit, history, sent, mayAddEvidence, evidenceState, maxBytes }: Props) {
  const { t } = ctx;
  const title = t('homeVisits.status.title', { code: visit.trackingCode });
  const fileError = evidenceState.errors?.file;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!evidenceState.errors}>
      {sent && (
        <div class="notice" role="status">
          <p>{t('homeVisits.status.sent', { code: visit.trackingCode })}</p>
        </div>
      )}
      <p class="eyebrow">{t(`homeVisits.statuses.${visit.status}`)}</p>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('homeVisits.status.state')}</dt>
        <dd>{t(`homeVisits.statuses.${visit.status}`)}</dd>
        <dt>{t('homeVisits.status.applicant')}</dt>
        <dd>{visit.applicantName}</dd>
        <dt>{t('homeVisits.fields.reason')}</dt>
        <dd>{t(`homeVisits.reasons.${visit.reason}`)}</dd>
        <dt>{t('homeVisits.status.place')}</dt>
        <dd>{`${t(`homeVisits.places.${visit.placeKind}`)}: ${visit.address}`}</dd>
        {!visit.answeredAt && (
          <>
            <dt>{t('homeVisits.status.answerDue')}</dt>
            <dd>{day(ctx, visit.answerDueOn)}</dd>
          </>
        )}
        {visit.visitDate && ['scheduled', 'visited'].includes(visit.status) && (
          <>
            <dt>{t('homeVisits.status.visitDate')}</dt>
            <dd>{day(ctx, visit.visitDate)}</dd>
          </>
        )}
        {visit.status === 'refused' && (
          <>
            <dt>{t('homeVisits.status.refusalReason')}</dt>
            <dd>{visit.refusalReason}</dd>
          </>
        )}
        <dt>{t('homeVisits.status.evidence')}</dt>
        <dd>{visit.evidenceKey ? t('homeVisits.status.evidenceAttached') : '—'}</dd>
      </dl>
      {openVisitStatuses.includes(visit.status) && <p>{t('homeVisits.status.nextSteps')}</p>}
      {mayAddEvidence && (
        <form
          method="post"
          action={`/si-koe-peduli/${visit.trackingCode}/bukti`}
          enctype="multipart/form-data"
          novalidate
        >
          <ErrorSummary ctx={ctx} errors={evidenceState.errors} labels={{ file: t('homeVisits.fields.file') }} />
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <div class={fileError ? 'field has-error' : 'field'}>
            <label for="f-file">{t('homeVisits.fields.file')}</label>
            <p class="hint">{`${t('homeVisits.hints.evidence')} (≤ ${Math.floor(maxBytes / 1_048_576)} MB)`}</p>
            {fileError && <p class="error">{fileError}</p>}
            <input id="f-file" name="file" type="file" accept="image/jpeg,image/png,application/pdf" />
          </div>
          <button type="submit" class="secondary">
            {t('homeVisits.status.upload')}
          </button>
        </form>
      )}
      <History ctx={ctx} history={history} />
      <p>
        <a href="/si-koe-peduli/ajukan">{t('homeVisits.status.newRequest')}</a>
      </p>
    </Layout>
  );
}
