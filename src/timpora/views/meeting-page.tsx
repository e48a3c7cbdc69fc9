import { formatCalendarDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { RecommendationView, MeetingView } from '../view-meeting.ts';
import type { RecommendationStep } from '../workflow.ts';

export type MeetingPageRecommendation = RecommendationView & { steps: RecommendationStep[] };
type Props = {
  ctx: PageContext;
  view: MeetingView;
  recommendations: MeetingPageRecommendation[];
  requestId: string;
  errors?: Record<string, string>;
};

function FollowUp({
  ctx,
  meetingId,
  rec,
  requestId,
}: {
  ctx: PageContext;
  meetingId: string;
  rec: MeetingPageRecommendation;
  requestId: string;
}) {
  const { t } = ctx;
  if (rec.steps.length === 0) return null;
  const id = `note-${rec.id}`;
  return (
    <form method="post" action={`/officer/timpora/meetings/${meetingId}/recommendations/${rec.id}/actions`}>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="requestId" value={`${requestId}-${rec.id.slice(0, 8)}`} />
      <div class="field">
        <label for={id}>{t('timpora.note')}</label>
        <textarea id={id} name="note" rows={2} />
      </div>
      {rec.steps.map((step) => (
        <button key={step} type="submit" name="step" value={step} class={step === 'note' ? 'secondary' : undefined}>
          {t(`timpora.meeting.recSteps.${step}`)}
        </button>
      ))}
    </form>
  );
}

/** A meeting's minutes: agenda, agencies present, decisions, and each recommendation with its follow-up. */
export function MeetingPage({ ctx, view, recommendations, requestId, errors }: Props) {
  const { t, lang } = ctx;
  const { meeting, team } = view;
  const title = t('timpora.meeting.title', { team: team.name, date: formatCalendarDate(lang, meeting.heldOn) });
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!errors}>
      <p>
        <a href="/officer/timpora">{t('timpora.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={{}} />
      <p>
        <a href={`/officer/timpora/meetings/${meeting.id}/minutes.pdf`}>{t('timpora.meeting.minutes')}</a>
      </p>
      <dl>
        <dt>{t('timpora.meeting.place')}</dt>
        <dd>{meeting.place}</dd>
        <dt>{t('timpora.meeting.agenda')}</dt>
        <dd>{meeting.agenda}</dd>
        <dt>{t('timpora.meeting.present')}</dt>
        <dd>{view.agenciesPresent.map((a) => a.name).join(', ')}</dd>
        <dt>{t('timpora.meeting.notes')}</dt>
        <dd>{meeting.notes}</dd>
      </dl>
      <h2>{t('timpora.meeting.recommendations')}</h2>
      {recommendations.length === 0 && <p>{t('timpora.meeting.none')}</p>}
      {recommendations.map((rec) => (
        <section key={rec.id}>
          <h3>{rec.text}</h3>
          <p>
            {t('timpora.meeting.agency')}: {rec.agencyName} · {t('timpora.meeting.due')}:{' '}
            {formatCalendarDate(lang, rec.dueOn)} · <strong>{t(`timpora.meeting.recStatuses.${rec.status}`)}</strong>
          </p>
          {rec.history.length > 0 && (
            <ul>
              {rec.history.map((h, i) => (
                <li key={i}>
                  {formatDateTime(lang, h.at)} — {t(`timpora.meeting.history.${h.type === 'done' ? 'done' : 'note'}`)}
                  {h.note ? `: ${h.note}` : ''}
                </li>
              ))}
            </ul>
          )}
          <FollowUp ctx={ctx} meetingId={meeting.id} rec={rec} requestId={requestId} />
        </section>
      ))}
    </Layout>
  );
}
