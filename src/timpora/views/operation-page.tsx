import { formatCalendarDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { OperationReport } from '../operation-report.ts';
import type { OperationView } from '../view-operation.ts';
import type { OperationStep } from '../workflow.ts';

type Props = {
  ctx: PageContext;
  view: OperationView;
  steps: OperationStep[];
  mayRecord: boolean;
  requestId: string;
  errors?: Record<string, string>;
};

function Report({ ctx, report }: { ctx: PageContext; report: OperationReport }) {
  const { t } = ctx;
  return (
    <section>
      <h2>{t('timpora.operation.report')}</h2>
      <p>
        {t('timpora.operation.checked', { n: report.checked })} ·{' '}
        {t('timpora.operation.violations', { n: report.violations })}
      </p>
      <h3>{t('timpora.operation.byViolation')}</h3>
      <ul>
        {Object.entries(report.byViolation).map(([type, n]) => (
          <li key={type}>
            {t(`timpora.violations.${type}`)}: {n}
          </li>
        ))}
      </ul>
      <h3>{t('timpora.operation.byNationality')}</h3>
      <ul>
        {report.byNationality.map((r) => (
          <li key={r.nationality}>
            {r.nationality}: {t('timpora.operation.checked', { n: r.checked })},{' '}
            {t('timpora.operation.violations', { n: r.violations })}
          </li>
        ))}
      </ul>
      <h3>{t('timpora.operation.byOutcome')}</h3>
      <ul>
        {Object.entries(report.byOutcome).map(([outcome, n]) => (
          <li key={outcome}>
            {t(`timpora.outcomes.${outcome}`)}: {n}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Steps({
  ctx,
  id,
  steps,
  requestId,
}: {
  ctx: PageContext;
  id: string;
  steps: OperationStep[];
  requestId: string;
}) {
  const { t } = ctx;
  if (steps.length === 0) return null;
  return (
    <form method="post" action={`/officer/timpora/operations/${id}/actions`}>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="requestId" value={requestId} />
      <div class="field">
        <label for="f-note">{t('timpora.note')}</label>
        <textarea id="f-note" name="note" rows={2} />
      </div>
      {steps.map((step) => (
        <button key={step} type="submit" name="step" value={step} class={step === 'cancel' ? 'secondary' : undefined}>
          {t(`timpora.steps.${step}`)}
        </button>
      ))}
    </form>
  );
}

/** A joint operation: status and its steps, targets, the report, and every finding (masked for partners). */
export function OperationPage({ ctx, view, steps, mayRecord, requestId, errors }: Props) {
  const { t, lang } = ctx;
  const { operation: o } = view;
  const title = t('timpora.operation.title', { title: o.title });
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!errors}>
      <p>
        <a href="/officer/timpora">{t('timpora.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={{}} />
      <p>
        <small>{t('timpora.audited')}</small>
      </p>
      <dl>
        <dt>{t('timpora.operation.status')}</dt>
        <dd>{t(`timpora.statuses.${o.status}`)}</dd>
        <dt>{t('timpora.operation.dates')}</dt>
        <dd>
          {formatCalendarDate(lang, o.startsOn)} – {formatCalendarDate(lang, o.endsOn)}
        </dd>
        <dt>{t('timpora.operation.teams')}</dt>
        <dd>{view.teams.map((team) => team.name).join(', ')}</dd>
        <dt>{t('timpora.operation.lodgings')}</dt>
        <dd>{view.lodgings.map((l) => `${l.name} (${l.address})`).join('; ') || '—'}</dd>
        <dt>{t('timpora.operation.villages')}</dt>
        <dd>{view.villageNames.join('; ') || '—'}</dd>
        <dt>{t('timpora.operation.places')}</dt>
        <dd>{o.places || '—'}</dd>
      </dl>
      <Steps ctx={ctx} id={o.id} steps={steps} requestId={requestId} />
      {mayRecord && (
        <p>
          <a class="button" href={`/officer/timpora/operations/${o.id}/findings/new`}>
            {t('timpora.operation.newFinding')}
          </a>
        </p>
      )}
      <Report ctx={ctx} report={view.report} />
      <h2>{t('timpora.operation.findings')}</h2>
      {view.findings.length === 0 ? (
        <p>{t('timpora.operation.noFindings')}</p>
      ) : (
        <ScrollRegion label={t('timpora.operation.findings')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('timpora.operation.columns.person')}</th>
                <th scope="col">{t('timpora.operation.columns.document')}</th>
                <th scope="col">{t('timpora.operation.columns.permit')}</th>
                <th scope="col">{t('timpora.operation.columns.outcome')}</th>
                <th scope="col">{t('timpora.operation.columns.violation')}</th>
                <th scope="col">{t('timpora.operation.columns.place')}</th>
                <th scope="col">{t('timpora.operation.columns.time')}</th>
              </tr>
            </thead>
            <tbody>
              {view.findings.map((f) => (
                <tr key={f.id}>
                  <td>
                    {f.person ?? '—'}
                    {f.masked && (
                      <>
                        {' '}
                        <small>({t('timpora.operation.masked')})</small>
                      </>
                    )}
                  </td>
                  <td>
                    {f.nationality} {f.documentNumber ?? ''}
                  </td>
                  <td>{t(`timpora.permitStates.${f.permitState}`)}</td>
                  <td>
                    {t(`timpora.outcomes.${f.outcome}`)}
                    {f.handedToAgency ? `: ${f.handedToAgency}` : ''}
                  </td>
                  <td>
                    {f.violation ? t(`timpora.violations.${f.violation}`) : '—'}
                    {f.violation && view.viewer.partner === null && (
                      <>
                        <br />
                        <a href={`/officer/enforcement?sourceKind=finding&sourceRef=${f.id}#open-title`}>
                          {t('timpora.operation.openCase')}
                        </a>
                      </>
                    )}
                  </td>
                  <td>{f.villageCode}</td>
                  <td>
                    {formatDateTime(lang, f.foundAt)}
                    {f.photos > 0 && (
                      <>
                        <br />
                        <small>{t('timpora.operation.photos', { n: f.photos })}</small>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
