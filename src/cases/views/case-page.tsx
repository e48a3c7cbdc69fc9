import type { DocumentRequirement } from '../../applications/required-documents.ts';
import type { ApplicationStatus } from '../../applications/schema.ts';
import { PassportFacts } from '../../passports/views/passport-facts.tsx';
import { witaInstant } from '../../platform/calendar/wita.ts';
import { formatAlternatives, formatDate, formatDateTime, formatRupiah, hasKey } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { AvailableActions } from '../available-actions.ts';
import { hasAttention } from '../find-attention.ts';
import type { DeferralReason } from '../schema.ts';
import type { CaseHistoryEntry, CaseView, InterviewAnswers } from '../view-case.ts';
import { nextSteps } from '../workflow.ts';
import { AttentionNote } from './attention-note.tsx';
import { ActionForm, StepForm, reasonName, type Remembered } from './step-forms.tsx';

export type CaseFormState = FormState & { step?: string };

type Props = {
  ctx: PageContext;
  view: CaseView;
  actions: AvailableActions;
  requirements: DocumentRequirement[];
  state: CaseFormState;
  rejected: boolean;
  remembered?: Remembered;
  /** Every deferral reason, active or not: the form offers the active ones, the history names old ones too. */
  reasons: DeferralReason[];
};

const reasonLabel = (ctx: PageContext, reasons: DeferralReason[], code: string) => {
  const reason = reasons.find((r) => r.code === code);
  return reason ? reasonName(ctx, reason) : code;
};

const label = (ctx: PageContext, prefix: string, value: string | null | undefined) =>
  value ? (hasKey(`${prefix}.${value}`) ? ctx.t(`${prefix}.${value}`) : value) : '—';

/** The facts a history line shows beyond who and when: reasons, outcomes, never the watchlist's own reason. */
function details(ctx: PageContext, entry: CaseHistoryEntry, reasons: DeferralReason[]): string {
  const { t } = ctx;
  const p = entry.payload;
  const parts: string[] = [];
  if (Array.isArray(p.documents)) {
    for (const d of p.documents as { kind: string; accepted: boolean; reason?: string }[]) {
      parts.push(
        `${label(ctx, 'applications.documentKinds', d.kind)}: ${d.accepted ? t('cases.documentCheck.accepted') : `${t('cases.documentCheck.refused')} (${d.reason ?? ''})`}`,
      );
    }
  }
  if (Array.isArray(p.missing) && p.missing.length > 0) parts.push(t('cases.history.missing', { n: p.missing.length }));
  if (typeof p.listed === 'boolean') parts.push(p.listed ? t('cases.watchlist.listed') : t('cases.watchlist.clear'));
  if (typeof p.dueOn === 'string')
    parts.push(t('cases.history.dueOn', { date: formatDate(ctx.lang, witaInstant(p.dueOn)) }));
  if (typeof p.outcome === 'string') parts.push(t(`cases.interview.${p.outcome}`));
  if (typeof p.reasonCode === 'string') parts.push(reasonLabel(ctx, reasons, p.reasonCode));
  if (typeof p.decision === 'string') parts.push(t(`cases.adjudicate.${p.decision}`));
  if (typeof p.reason === 'string') parts.push(p.reason);
  return parts.join(' · ');
}

function History({
  ctx,
  history,
  reasons,
}: {
  ctx: PageContext;
  history: CaseHistoryEntry[];
  reasons: DeferralReason[];
}) {
  const { t, lang } = ctx;
  return (
    <table>
      <caption>{t('cases.history.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cases.history.at')}</th>
          <th scope="col">{t('cases.history.action')}</th>
          <th scope="col">{t('cases.history.by')}</th>
          <th scope="col">{t('cases.history.status')}</th>
          <th scope="col">{t('cases.history.details')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h, i) => (
          <tr key={i}>
            <td>{formatDateTime(lang, h.at)}</td>
            <td>{label(ctx, 'cases.actions', h.type)}</td>
            <td>{h.actorName ?? t('cases.history.system')}</td>
            <td>{typeof h.payload.status === 'string' ? label(ctx, 'cases.statuses', h.payload.status) : ''}</td>
            <td>{details(ctx, h, reasons)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What comes next and who does it, from the workflow's own table: "Wawancara, oleh Verifikator, Adjudikator, atau Kepala kantor". */
function NextStep({ ctx, status }: { ctx: PageContext; status: ApplicationStatus }) {
  const { t, lang } = ctx;
  const next = nextSteps(status);
  if (next.length === 0) return <>{t('cases.next.none')}</>;
  return (
    <>
      {next
        .map(({ step, roles }) =>
          t('cases.next.step', {
            step: t(`cases.actions.${step}`),
            roles: formatAlternatives(
              lang,
              roles.map((r) => t(`roles.${r}`)),
            ),
          }),
        )
        .join('; ')}
    </>
  );
}

/** The interview's answers as recorded, for the officer who decides on the case (four eyes: someone else asked them). */
function InterviewAnswersSection({
  ctx,
  interview,
  reasons,
}: {
  ctx: PageContext;
  interview: InterviewAnswers;
  reasons: DeferralReason[];
}) {
  const { t, lang } = ctx;
  const { checklist: c } = interview;
  const indicators = c.traffickingIndicators ?? [];
  return (
    <section aria-labelledby="interview-answers-title">
      <h2 id="interview-answers-title">{t('cases.answers.title')}</h2>
      <p class="hint">
        {t('cases.answers.by', {
          name: interview.by ?? t('cases.history.system'),
          at: formatDateTime(lang, interview.at),
        })}
      </p>
      <dl class="facts">
        <dt>{t('cases.interview.purpose')}</dt>
        <dd>{c.purpose ?? '—'}</dd>
        <dt>{t('cases.interview.destination')}</dt>
        <dd>{c.destination ?? '—'}</dd>
        <dt>{t('cases.interview.sponsor')}</dt>
        <dd>{c.sponsor ?? '—'}</dd>
        <dt>{t('cases.interview.workRecommendation')}</dt>
        <dd>{c.workRecommendation ?? '—'}</dd>
        <dt>{t('cases.interview.answersConsistent')}</dt>
        <dd>{c.answersConsistent ? t('cases.answers.yes') : t('cases.answers.no')}</dd>
        <dt>{t('cases.interview.indicators')}</dt>
        <dd>
          {indicators.length === 0 ? (
            t('cases.answers.noIndicators')
          ) : (
            <ul>
              {indicators.map((i) => (
                <li key={i}>{label(ctx, 'cases.indicators', i)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('cases.interview.outcome')}</dt>
        <dd>{interview.outcome ? label(ctx, 'cases.interview', interview.outcome) : '—'}</dd>
        {interview.reasonCode && (
          <>
            <dt>{t('cases.interview.reasonCode')}</dt>
            <dd>{reasonLabel(ctx, reasons, interview.reasonCode)}</dd>
          </>
        )}
        {interview.reason && (
          <>
            <dt>{t('cases.interview.reason')}</dt>
            <dd>{interview.reason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Holding({
  ctx,
  view,
  actions,
  state,
}: {
  ctx: PageContext;
  view: CaseView;
  actions: AvailableActions;
  state: CaseFormState;
}) {
  const { t } = ctx;
  const { application } = view;
  const own = (type: string) => (state.step === type ? state : {});
  return (
    <>
      <p>
        {actions.heldByMe
          ? t('cases.heldByYou')
          : view.holderName
            ? t('cases.heldBy', { name: view.holderName })
            : t('cases.notHeld')}
      </p>
      {actions.take && (
        <ActionForm ctx={ctx} application={application} type="take" state={own('take')} submit={t('cases.take')} />
      )}
      {actions.release && (
        <ActionForm
          ctx={ctx}
          application={application}
          type="release"
          state={own('release')}
          submit={t('cases.release')}
          secondary
        />
      )}
      {!actions.heldByMe && actions.take && <p class="hint">{t('cases.takeFirst')}</p>}
    </>
  );
}

export function CasePage({ ctx, view, actions, requirements, state, rejected, remembered = {}, reasons }: Props) {
  const { t, lang } = ctx;
  const { application: a, documents } = view;
  const title = t('cases.title', { name: a.fullName ?? '—', code: a.trackingCode });
  const labels = Object.fromEntries(
    Object.keys(state.errors ?? {})
      .map((k): [string, string] => [k, hasKey(`cases.fields.${k}`) ? t(`cases.fields.${k}`) : ''])
      .filter(([, v]) => v),
  );
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      <p class="notice">{t('cases.viewAudited')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <dl class="facts">
        <dt>{t('cases.status')}</dt>
        <dd>
          <strong>{label(ctx, 'cases.statuses', a.status)}</strong>
        </dd>
        <dt>{t('cases.next.title')}</dt>
        <dd>
          <NextStep ctx={ctx} status={a.status} />
        </dd>
        {a.dueOn && (
          <>
            <dt>{t('cases.dueOn')}</dt>
            <dd>{formatDate(lang, witaInstant(a.dueOn))}</dd>
          </>
        )}
        <dt>{t('applications.fields.nik')}</dt>
        <dd>{a.nik ?? '—'}</dd>
        <dt>{t('applications.fields.birthDate')}</dt>
        <dd>{a.birthDate ? formatDate(lang, witaInstant(a.birthDate)) : '—'}</dd>
        <dt>{t('applications.fields.kind')}</dt>
        <dd>{label(ctx, 'applications.kinds', a.kind)}</dd>
        <dt>{t('applications.fields.passportType')}</dt>
        <dd>{label(ctx, 'applications.types', a.passportType)}</dd>
        <dt>{t('applications.fields.validityYears')}</dt>
        <dd>{label(ctx, 'applications.validities', a.validityYears ? String(a.validityYears) : null)}</dd>
        <dt>{t('applications.fields.speed')}</dt>
        <dd>{label(ctx, 'counterDesk.speeds', a.speed)}</dd>
        <dt>{t('applications.fields.purpose')}</dt>
        <dd>{label(ctx, 'applications.purposes', a.purpose)}</dd>
        <dt>{t('cases.fee')}</dt>
        <dd>{a.feeTotal !== null ? formatRupiah(lang, a.feeTotal) : '—'}</dd>
      </dl>

      <h2>{t('cases.documentsTitle')}</h2>
      {documents.length === 0 ? (
        <p>{t('cases.noDocuments')}</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <a href={`/applications/${a.id}/documents/${d.id}`}>{label(ctx, 'applications.documentKinds', d.kind)}</a>
            </li>
          ))}
        </ul>
      )}

      {(actions.steps.includes('interview') || a.status === 'deferred') && hasAttention(view.attention) && (
        <AttentionNote ctx={ctx} attention={view.attention} />
      )}
      {view.interview && <InterviewAnswersSection ctx={ctx} interview={view.interview} reasons={reasons} />}
      {view.passport && <PassportFacts ctx={ctx} passport={view.passport} />}

      <h2>{t('cases.workTitle')}</h2>
      <Holding ctx={ctx} view={view} actions={actions} state={state} />
      {actions.steps.map((step) => (
        <StepForm
          key={step}
          ctx={ctx}
          application={a}
          step={step}
          state={state.step === step ? state : {}}
          requirements={requirements}
          remembered={remembered}
          reasons={reasons}
          warnings={view.attention.warnings}
        />
      ))}
      {rejected && (
        <p>
          <a href={`/officer/cases/${a.id}/rejection-receipt`}>{t('cases.receipt.link')}</a>
        </p>
      )}

      <History ctx={ctx} history={view.history} reasons={reasons} />
    </Layout>
  );
}
