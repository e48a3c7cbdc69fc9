import { formatDateTime, formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { OfficerWarning } from '../list-warnings.ts';
import type { WarningStep } from '../workflow.ts';
import { StepText } from '../../platform/views/step-text.tsx';
import { StepForm, summaryOf } from './step-form.tsx';
import { RaiseWarningForm, warningFields } from './warning-form.tsx';

/** Whom or where a warning concerns, in one line. */
export function warningSubject(ctx: PageContext, w: OfficerWarning): string {
  const parts = [w.nik, w.personName, w.birthDate && formatDay(ctx.lang, w.birthDate), w.recruiterName, w.areaCode];
  return parts.filter(Boolean).join(' · ');
}

/** The warnings of the officer's scope, and the form to raise one directly. */
export function WarningsPage({
  ctx,
  warnings,
  mayRaise,
  state,
  requestId,
}: {
  ctx: PageContext;
  warnings: OfficerWarning[];
  mayRaise: boolean;
  state: FormState;
  requestId: string;
}) {
  const { t, lang } = ctx;
  const labels = Object.fromEntries(warningFields.map((f) => [f, t(`villageTips.fields.${f}`)]));
  return (
    <Layout ctx={ctx} title={t('villageTips.officer.warningsTitle')} hasErrors={!!state.errors}>
      <h1>{t('villageTips.officer.warningsTitle')}</h1>
      <p>
        <a href="/officer/desa-binaan/tips">{t('villageTips.officer.tipsLink')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      {warnings.length === 0 ? (
        <p>{t('villageTips.officer.noWarnings')}</p>
      ) : (
        <ScrollRegion label={t('villageTips.officer.warningsTitle')}>
          <table>
            <thead>
              <tr>
                <th>{t('villageTips.fields.kind')}</th>
                <th>{t('villageTips.fields.summary')}</th>
                <th>{t('villageTips.fields.unitCode')}</th>
                <th>{t('villageTips.fields.status')}</th>
                <th>{t('villageTips.officer.raisedAt')}</th>
                <th>{t('villageTips.officer.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {warnings.map((w) => (
                <tr key={w.id}>
                  <td>
                    <a href={`/officer/desa-binaan/warnings/${w.id}`}>{t(`villageTips.warningKinds.${w.kind}`)}</a>
                    <br />
                    {warningSubject(ctx, w)}
                  </td>
                  <td>{w.summary}</td>
                  <td>{w.unitCode}</td>
                  <td>{t(`villageTips.warningStatuses.${w.expired ? 'expired' : w.status}`)}</td>
                  <td>{formatDateTime(lang, w.raisedAt)}</td>
                  <td>{w.expiresOn ? formatDay(lang, w.expiresOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {mayRaise && (
        <section>
          <h2>{t('villageTips.officer.raiseWarning')}</h2>
          <RaiseWarningForm ctx={ctx} state={state} requestId={requestId} tipId={formTipId(state)} />
        </section>
      )}
    </Layout>
  );
}

const formTipId = (state: FormState) => (typeof state.values?.tipId === 'string' ? state.values.tipId : undefined);

/** One warning: what the counter reads, whom it concerns, its history, a note and closing. */
export function WarningPage({
  ctx,
  warning,
  history,
  steps,
  state,
  requestId,
}: {
  ctx: PageContext;
  warning: OfficerWarning;
  history: { type: string; at: Date; payload: Record<string, unknown> }[];
  steps: WarningStep[];
  state: FormState & { step?: string };
  requestId: string;
}) {
  const { t, lang } = ctx;
  const action = `/officer/desa-binaan/warnings/${warning.id}/actions`;
  const stateOf = (step: string): FormState => (state.step === step ? state : {});
  return (
    <Layout ctx={ctx} title={t('villageTips.officer.warningTitle')} hasErrors={!!state.errors}>
      <h1>{t('villageTips.officer.warningTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={summaryOf(state)} labels={{}} />
      <dl>
        <dt>{t('villageTips.fields.kind')}</dt>
        <dd>{`${t(`villageTips.warningKinds.${warning.kind}`)}: ${warningSubject(ctx, warning)}`}</dd>
        <dt>{t('villageTips.fields.summary')}</dt>
        <dd>{warning.summary}</dd>
        <dt>{t('villageTips.fields.status')}</dt>
        <dd>{t(`villageTips.warningStatuses.${warning.expired ? 'expired' : warning.status}`)}</dd>
        <dt>{t('villageTips.fields.unitCode')}</dt>
        <dd>{warning.unitCode}</dd>
        <dt>{t('villageTips.officer.expires')}</dt>
        <dd>{warning.expiresOn ? formatDay(lang, warning.expiresOn) : '—'}</dd>
        {warning.tipId && (
          <>
            <dt>{t('villageTips.officer.fromTip')}</dt>
            <dd>
              <a href={`/officer/desa-binaan/tips/${warning.tipId}`}>{t('villageTips.officer.openTip')}</a>
            </dd>
          </>
        )}
      </dl>
      <h2>{t('villageTips.officer.history')}</h2>
      <ol class="history">
        {history.map((h, i) => (
          <li key={i}>
            <time>{formatDateTime(lang, h.at)}</time> {t(`villageTips.warningHistory.${h.type}`)}
            {typeof h.payload.text === 'string' ? `: ${h.payload.text}` : ''}
          </li>
        ))}
      </ol>
      {steps.map((step) => (
        <StepForm
          key={step}
          ctx={ctx}
          action={action}
          step={step}
          title={t(`villageTips.warningSteps.${step}`)}
          requestId={requestId}
        >
          <StepText step={step} label={t('villageTips.fields.text')} state={stateOf(step)} />
        </StepForm>
      ))}
    </Layout>
  );
}
