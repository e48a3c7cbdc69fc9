import { formatDateTime } from '../../platform/i18n/index.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState, TextArea } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { deliveryModes, type DeliveryMode } from '../approve-session.ts';
import type { OutreachSession, SessionStatus } from '../schema.ts';
import { sessionStatuses } from '../schema.ts';
import type { sessionDetails, SessionListItem, unitResources } from '../session-queries.ts';
import type { OfficerSessionStep } from '../workflow.ts';
import type { SessionReport } from '../session-report.ts';
import { CheckboxList } from './parts.tsx';
import { formText } from '../../platform/http/fields.ts';

type DateText = (d: string) => string;

const when = (ctx: PageContext, at: Date) => formatDateTime(ctx.lang, at);

export function SessionListPage({
  ctx,
  sessions,
  status,
  dateText,
}: {
  ctx: PageContext;
  sessions: SessionListItem[];
  status?: SessionStatus;
  dateText: DateText;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('outreach.officer.listTitle')}>
      <h1>{t('outreach.officer.listTitle')}</h1>
      <form method="get" action="/officer/outreach/sessions" class="inline">
        <select name="status" aria-label={t('outreach.status.status')}>
          <option value="">{t('outreach.officer.allStatuses')}</option>
          {sessionStatuses.map((s) => (
            <option key={s} value={s} selected={s === status}>
              {t(`outreach.statuses.${s}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('outreach.officer.filter')}</button>
      </form>
      {sessions.length === 0 ? (
        <p>{t('outreach.officer.none')}</p>
      ) : (
        <ScrollRegion label={t('outreach.officer.listTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('outreach.public.organiser')}</th>
                <th scope="col">{t('outreach.public.place')}</th>
                <th scope="col">{t('outreach.public.date')}</th>
                <th scope="col">{t('outreach.status.status')}</th>
                <th scope="col">{t('outreach.public.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={`/officer/outreach/sessions/${s.id}`}>{s.organiserName}</a>
                  </td>
                  <td>{[s.venue, s.villageName, s.regencyName].filter(Boolean).join(', ')}</td>
                  <td>{s.date ? dateText(s.date) : s.preferredDates.map(dateText).join(' / ')}</td>
                  <td>{t(`outreach.statuses.${s.status}`)}</td>
                  <td>{s.unitName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}

/** Each office step has its form on the page. */
export type SessionForms = Partial<Record<OfficerSessionStep, FormState>>;
type DetailProps = {
  ctx: PageContext;
  session: OutreachSession;
  details: Awaited<ReturnType<typeof sessionDetails>>;
  resources: Awaited<ReturnType<typeof unitResources>>;
  deliveryMode: DeliveryMode | null;
  steps: readonly OfficerSessionStep[];
  forms: SessionForms;
  registered: boolean;
  dateText: DateText;
};

export function SessionPage({
  ctx,
  session,
  details,
  resources,
  deliveryMode,
  steps,
  forms,
  registered,
  dateText,
}: DetailProps) {
  const { t } = ctx;
  const f = (name: string) => t(`outreach.fields.${name}`);
  const labels = Object.fromEntries(
    [
      'date',
      'capacity',
      'officerIds',
      'kitIds',
      'deliveryDate',
      'deliveryMode',
      'reason',
      'trackingCode',
      'birthDate',
    ].map((n) => [n, f(n)]),
  );
  const allErrors = {
    ...forms.approve?.errors,
    ...forms.refuse?.errors,
    ...forms.delivery?.errors,
    ...forms.register?.errors,
  };
  const approveState = forms.approve ?? {
    values: { date: session.preferredDates[0], capacity: String(session.expectedParticipants) },
  };
  const p = details.place;
  return (
    <Layout
      ctx={ctx}
      title={t('outreach.officer.detailTitle', { organiser: session.organiserName })}
      hasErrors={Object.keys(allErrors).length > 0}
    >
      <h1>{t('outreach.officer.detailTitle', { organiser: session.organiserName })}</h1>
      <ErrorSummary ctx={ctx} errors={allErrors} labels={labels} />
      {registered && (
        <p class="notice" role="status">
          {t('outreach.officer.registered')}
        </p>
      )}
      <dl class="facts">
        <dt>{t('outreach.status.status')}</dt>
        <dd>{t(`outreach.statuses.${session.status}`)}</dd>
        <dt>{t('outreach.public.organiser')}</dt>
        <dd>{`${session.organiserName} (${t(`outreach.kinds.${session.organiserKind}`)})`}</dd>
        <dt>{t('outreach.officer.contact')}</dt>
        <dd>{[session.contactName, session.contactPhone, session.contactEmail].filter(Boolean).join(' · ')}</dd>
        <dt>{t('outreach.public.place')}</dt>
        <dd>{[session.venue, p?.villageName, p?.districtName, p?.regencyName].filter(Boolean).join(', ')}</dd>
        <dt>{t('outreach.public.unit')}</dt>
        <dd>{p?.unitName ?? session.unitCode}</dd>
        <dt>{t('outreach.fields.preferredDates')}</dt>
        <dd>{session.preferredDates.map(dateText).join(' / ')}</dd>
        <dt>{t('outreach.fields.expectedParticipants')}</dt>
        <dd>{session.expectedParticipants}</dd>
        {session.date && (
          <>
            <dt>{t('outreach.fields.date')}</dt>
            <dd>{dateText(session.date)}</dd>
            <dt>{t('outreach.fields.capacity')}</dt>
            <dd>{session.capacity}</dd>
            <dt>{t('outreach.officer.sessionCode')}</dt>
            <dd>
              <strong>{session.sessionCode}</strong>
            </dd>
          </>
        )}
        {session.deliveryDate && (
          <>
            <dt>{t('outreach.fields.deliveryDate')}</dt>
            <dd>{`${dateText(session.deliveryDate)}${deliveryMode ? ` (${t(`outreach.delivery.${deliveryMode}`)})` : ''}`}</dd>
          </>
        )}
        {session.refusalReason && (
          <>
            <dt>{t('outreach.status.reason')}</dt>
            <dd>{session.refusalReason}</dd>
          </>
        )}
        {details.assigned.length > 0 && (
          <>
            <dt>{t('outreach.officer.assigned')}</dt>
            <dd>{details.assigned.map((a) => a.officerName ?? a.kitName).join(', ')}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/officer/outreach/sessions/${session.id}/report`}>{t('outreach.officer.report')}</a>
      </p>

      {steps.includes('approve') && (
        <>
          <h2>{t('outreach.officer.approveTitle')}</h2>
          <Form
            ctx={ctx}
            action={`/officer/outreach/sessions/${session.id}/approve`}
            submit={t('outreach.officer.approve')}
          >
            <Field name="date" label={labels.date!} state={approveState} type="date" required />
            <Field name="capacity" label={labels.capacity!} state={approveState} inputmode="numeric" required />
            <CheckboxList
              name="officerIds"
              legend={labels.officerIds!}
              state={approveState}
              options={resources.officers.map((o) => ({ id: o.id, label: o.name }))}
            />
            {resources.kits.length === 0 ? (
              <p>{t('outreach.officer.noKits')}</p>
            ) : (
              <CheckboxList
                name="kitIds"
                legend={labels.kitIds!}
                state={approveState}
                options={resources.kits.map((k) => ({
                  id: k.id,
                  label: k.serial ? `${k.name} (${k.serial})` : k.name,
                }))}
              />
            )}
            <Field name="deliveryDate" label={labels.deliveryDate!} state={approveState} type="date" />
            <SelectField
              name="deliveryMode"
              label={labels.deliveryMode!}
              state={approveState}
              options={deliveryModes.map((m) => ({ value: m, label: t(`outreach.delivery.${m}`) }))}
            />
          </Form>
        </>
      )}
      {steps.includes('refuse') && (
        <>
          <h2>{t('outreach.officer.refuseTitle')}</h2>
          <Form
            ctx={ctx}
            action={`/officer/outreach/sessions/${session.id}/refuse`}
            submit={t('outreach.officer.refuse')}
          >
            <TextArea name="reason" label={labels.reason!} state={forms.refuse ?? {}} rows={3} />
          </Form>
        </>
      )}

      {steps.includes('delivery') && (
        <>
          <h2>{t('outreach.officer.deliveryTitle')}</h2>
          <Form
            ctx={ctx}
            action={`/officer/outreach/sessions/${session.id}/delivery`}
            submit={t('outreach.officer.setDelivery')}
          >
            <Field
              name="deliveryDate"
              label={labels.deliveryDate!}
              state={
                forms.delivery ?? {
                  values: { deliveryDate: session.deliveryDate ?? '', deliveryMode: deliveryMode ?? 'community' },
                }
              }
              type="date"
              required
            />
            <SelectField
              name="deliveryMode"
              label={labels.deliveryMode!}
              state={forms.delivery ?? { values: { deliveryMode: deliveryMode ?? 'community' } }}
              options={deliveryModes.map((m) => ({ value: m, label: t(`outreach.delivery.${m}`) }))}
            />
          </Form>
        </>
      )}

      {steps.includes('register') && (
        <>
          <h2>{t('outreach.officer.registerTitle')}</h2>
          <p>{t('outreach.officer.registerHint')}</p>
          <Form
            ctx={ctx}
            action={`/officer/outreach/sessions/${session.id}/participants`}
            submit={t('outreach.officer.register')}
          >
            <input
              type="hidden"
              name="requestId"
              value={formText(forms.register?.values?.requestId) || crypto.randomUUID()}
            />
            <Field
              name="trackingCode"
              label={labels.trackingCode!}
              state={forms.register ?? {}}
              autocomplete="off"
              required
            />
            <Field name="birthDate" label={labels.birthDate!} state={forms.register ?? {}} type="date" required />
          </Form>
        </>
      )}

      <h2>{t('outreach.officer.participants', { n: details.participants.length })}</h2>
      {details.participants.length === 0 ? (
        <p>{t('outreach.officer.noParticipants')}</p>
      ) : (
        <ScrollRegion label={t('outreach.officer.listTitle')}>
          <table>
            <tbody>
              {details.participants.map((row) => (
                <tr key={row.id}>
                  <td>{row.fullName}</td>
                  <td>{row.nik}</td>
                  <td>{row.birthDate ? dateText(row.birthDate) : ''}</td>
                  <td>{t(`outreach.officer.source.${row.source}`)}</td>
                  <td>
                    {row.applicationId ? (
                      <a href={`/officer/cases/${row.applicationId}`}>{t('outreach.officer.linked')}</a>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2>{t('outreach.officer.history')}</h2>
      <ul>
        {details.history.map(({ action, actorName }) => (
          <li
            key={action.id}
          >{`${when(ctx, action.at)} · ${t(`outreach.officer.actionTypes.${action.type}`)}${actorName ? ` · ${actorName}` : ''}`}</li>
        ))}
      </ul>
    </Layout>
  );
}

export function ReportPage({
  ctx,
  session,
  report,
}: {
  ctx: PageContext;
  session: OutreachSession;
  report: SessionReport;
}) {
  const { t } = ctx;
  const keys = ['participants', 'linked', 'served', 'deferred', 'issued', 'delivered'] as const;
  return (
    <Layout ctx={ctx} title={t('outreach.report.title', { organiser: session.organiserName })}>
      <h1>{t('outreach.report.title', { organiser: session.organiserName })}</h1>
      <dl class="facts">
        {keys.map((k) => (
          <>
            <dt>{t(`outreach.report.${k}`)}</dt>
            <dd>{report[k]}</dd>
          </>
        ))}
      </dl>
      <p>
        <a href={`/officer/outreach/sessions/${session.id}`}>
          {t('outreach.officer.detailTitle', { organiser: session.organiserName })}
        </a>
      </p>
    </Layout>
  );
}
