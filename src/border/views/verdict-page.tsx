import { formatCalendarDate, formatDateTime, formatRupiah } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import type { CrossingView } from '../view-crossing.ts';
import { reasonText } from './reason-text.ts';

type Props = {
  ctx: PageContext;
  pointName: string;
  view: CrossingView;
  repeated: boolean;
  /** The decision form's state and request id, when this officer may decide. */
  decision: { state: FormState; requestId: string } | null;
};

/**
 * The verdict, in words and colour: green or red with every reason (a ban match says only that there is one and
 * what to do), an overstayer's charges, a PLB holder's day to be back; for a supervisor, the secondary inspection's
 * decision form. The next traveller's desk is one link away.
 */
export function VerdictPage({ ctx, pointName, view, repeated, decision }: Props) {
  const { t, lang } = ctx;
  const { crossing: c, charges, history } = view;
  const base = `/officer/crossing-points/${c.pointCode}`;
  const state = decision?.state ?? {};
  return (
    <Layout ctx={ctx} title={t(`border.verdict.${c.verdict}`)} hasErrors={!!state.errors}>
      <p>
        <a href={`${base}/desk?direction=${c.direction}`} autofocus={!decision}>
          {t('border.desk.next')}
        </a>{' '}
        · {pointName}
      </p>
      <h1 class={`verdict verdict-${c.verdict}`} data-verdict={c.verdict}>
        {t(`border.verdict.${c.verdict}`)}
      </h1>
      {repeated && <p class="notice">{t('border.verdict.repeated')}</p>}
      <dl>
        <dt>{t('border.fields.traveller')}</dt>
        <dd>
          {c.fullName}
          {c.birthDate ? `, ${formatCalendarDate(lang, c.birthDate)}` : ''} (
          {t(`border.travellerKinds.${c.travellerKind}`)})
        </dd>
        <dt>{t('border.fields.document')}</dt>
        <dd>
          {t(`border.documentKinds.${c.documentKind}`)} {c.documentNumber} ({c.nationality}) —{' '}
          {t(`border.directions.${c.direction}`)}
        </dd>
        <dt>{t('border.fields.status')}</dt>
        <dd data-status={c.status}>{t(`border.statuses.${c.status}`)}</dd>
      </dl>
      {c.reasons.length === 0 ? (
        <p>{t('border.verdict.noReasons')}</p>
      ) : (
        <ul>
          {c.reasons.map((r) => (
            <li key={r.code} class={r.level === 'amber' ? 'reason-amber' : 'error'}>
              {reasonText(t, lang, r)}
            </li>
          ))}
        </ul>
      )}
      {c.returnBy && <p>{t('border.verdict.returnBy', { date: formatCalendarDate(lang, c.returnBy) })}</p>}
      {charges.length > 0 && (
        <>
          <h2>{t('border.verdict.charges')}</h2>
          <ul>
            {charges.map((ch) => (
              <li key={ch.id}>
                {t('border.verdict.charge', {
                  days: ch.days,
                  amount: formatRupiah(lang, ch.amount),
                  code: ch.billingCode ?? t('border.verdict.noCode'),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {decision && (
        <>
          <h2>{t('border.decision.title')}</h2>
          <ErrorSummary
            ctx={ctx}
            errors={state.errors}
            labels={{
              step: t('border.decision.step'),
              reason: t('border.fields.reason'),
              agency: t('border.fields.agency'),
            }}
          />
          <PostForm ctx={ctx} action={`${base}/desk/crossings/${c.id}/decision`} submit={t('border.decision.submit')}>
            <input type="hidden" name="requestId" value={decision.requestId} />
            <Radios
              name="step"
              legend={t('border.decision.step')}
              state={state}
              options={view.decisions.map((step) => ({ value: step, label: t(`border.decision.steps.${step}`) }))}
            />
            <TextArea name="reason" label={t('border.fields.reason')} state={state} />
            <Field name="agency" label={t('border.fields.agency')} state={state} />
          </PostForm>
        </>
      )}
      <h2>{t('border.decision.history')}</h2>
      <ul>
        {history.map((h) => (
          <li key={h.id}>
            {formatDateTime(lang, h.at)} —{' '}
            {h.type === 'recorded' ? t('border.decision.recorded') : t(`border.statuses.${h.toStatus ?? c.status}`)}
            {h.note ? `: ${h.note}` : ''}
            {typeof h.payload?.agency === 'string' ? ` (${h.payload.agency})` : ''}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
