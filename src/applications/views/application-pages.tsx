import { formatDateTime, formatDay, formatRupiah } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { citizenHistory, type CitizenHistoryEntry } from '../citizen-history.ts';
import type { ApplicationDescription } from '../describe-application.ts';
import type { ApplicationListItem } from '../list-applications.ts';
import type { Application } from '../schema.ts';
import { isBooked, pickupStatuses } from '../application-statuses.ts';
import { mayWithdraw } from '../withdraw-application.ts';
import { AnswerTable, FeeTable } from './answers.tsx';
import { DocumentList } from './document-list.tsx';

const statusLabel = (t: PageContext['t'], status: string) =>
  t(`applications.statuses.${status}`, { defaultValue: status });
const bookPath = (id: string) => `/applications/${id}/book`;
const appointmentPath = (id: string) => `/applications/${id}/appointment`;

function StartButton({ ctx, first }: { ctx: PageContext; first: boolean }) {
  return (
    <form method="post" action="/applications">
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <button type="submit">{ctx.t(first ? 'applications.start' : 'applications.startFamily')}</button>
    </form>
  );
}

export function ApplicationListPage({
  ctx,
  items,
  maxApplicants,
  state,
}: {
  ctx: PageContext;
  items: ApplicationListItem[];
  maxApplicants: number;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('applications.title')} hasErrors={!!state.errors}>
      <h1>{t('applications.title')}</h1>
      <p>{t('applications.lead', { max: maxApplicants })}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{}} />
      {items.length === 0 ? (
        <p>{t('applications.none')}</p>
      ) : (
        <ScrollRegion label={t('applications.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('applications.applicant')}</th>
                <th scope="col">{t('applications.trackingCode')}</th>
                <th scope="col">{t('applications.statusLabel')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>{a.fullName ?? t('applications.unnamed')}</td>
                  <td>{a.status === 'draft' ? '—' : <code>{a.trackingCode}</code>}</td>
                  <td>{statusLabel(t, a.status)}</td>
                  <td>
                    <a href={`/applications/${a.id}`}>
                      {t(a.status === 'draft' ? 'applications.continue' : 'applications.open')}
                    </a>
                    {a.status === 'submitted' && (
                      <>
                        {' · '}
                        <a href={bookPath(a.id)}>{t('applications.book')}</a>
                      </>
                    )}
                    {isBooked(a.status) && (
                      <>
                        {' · '}
                        <a href={appointmentPath(a.id)}>{t('applications.appointment')}</a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <StartButton ctx={ctx} first={items.length === 0} />
    </Layout>
  );
}

/** The history in the applicant's words and language: what happened, with dates as people write them, in WITA. */
function HistoryTable({ ctx, history }: { ctx: PageContext; history: CitizenHistoryEntry[] }) {
  const { t, lang } = ctx;
  const day = (date: string | null) => (date ? formatDay(lang, date) : '');
  return (
    <ScrollRegion label={t('applications.historyTitle')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('applications.historyWhen')}</th>
            <th scope="col">{t('applications.historyWhat')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => (
            <tr key={i}>
              <td>{formatDateTime(lang, h.at)}</td>
              <td>
                {t(`applications.history.${h.type}${h.outcome ? `.${h.outcome}` : ''}`, {
                  date: day(h.date),
                  from: day(h.from),
                  to: day(h.to),
                  kind: h.kind ? t(`applications.documentKinds.${h.kind}`) : '',
                  ticket: h.ticket ?? '',
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

type DetailProps = {
  ctx: PageContext;
  application: Application;
  description: ApplicationDescription;
  continuePath: string | null;
  withdrawn?: boolean;
};

export function ApplicationPage({ ctx, application: a, description: d, continuePath, withdrawn }: DetailProps) {
  const { t, lang } = ctx;
  const title = a.fullName ?? t('applications.unnamed');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/applications">{t('applications.title')}</a>
      </p>
      <p class="eyebrow">{statusLabel(t, a.status)}</p>
      <h1>{title}</h1>
      {withdrawn && (
        <div class="notice" role="status">
          <p>{t('applications.withdraw.done')}</p>
          <StartButton ctx={ctx} first />
        </div>
      )}
      <dl class="facts">
        <dt>{t('applications.trackingCode')}</dt>
        <dd>{a.status === 'draft' ? '—' : <code>{a.trackingCode}</code>}</dd>
        {a.submittedAt && (
          <>
            <dt>{t('applications.submittedAt')}</dt>
            <dd>{formatDateTime(lang, a.submittedAt)}</dd>
          </>
        )}
      </dl>
      {continuePath && (
        <>
          <p>
            <a class="button" href={continuePath}>
              {t('applications.continue')}
            </a>
          </p>
          <form method="post" action={`/applications/${a.id}/discard`}>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <button type="submit" class="secondary">
              {t('applications.discard')}
            </button>
          </form>
        </>
      )}
      {a.status === 'submitted' && (
        <p>
          <a class="button" href={bookPath(a.id)}>
            {t('applications.book')}
          </a>
        </p>
      )}
      {mayWithdraw(a) && (
        <p>
          <a href={`/applications/${a.id}/withdraw`}>{t('applications.withdraw.link')}</a>
        </p>
      )}
      {isBooked(a.status) && (
        <p>
          <a class="button" href={appointmentPath(a.id)}>
            {t('applications.appointment')}
          </a>
          {a.status === 'booked' && (
            <>
              {' '}
              <a href={`${appointmentPath(a.id)}/cara-membayar`}>{t('applications.howToPay')}</a>
            </>
          )}
        </p>
      )}
      {pickupStatuses.includes(a.status) && (
        <p>
          <a class="button" href={`/applications/${a.id}/saturday-pickup`}>
            {t('passports.pickup.title')}
          </a>
        </p>
      )}
      <h2>{t('applications.answers')}</h2>
      <AnswerTable ctx={ctx} application={a} description={d} />
      {a.feeTotal !== null && a.feeItems && (
        <>
          <h2>{t('applications.fee.title')}</h2>
          <FeeTable ctx={ctx} fee={{ items: a.feeItems, total: a.feeTotal, regulation: a.feeRegulation ?? '' }} />
        </>
      )}
      <h2>{t('applications.fields.documents')}</h2>
      <DocumentList ctx={ctx} applicationId={a.id} documents={d.documents} />
      <h2 id="history">{t('applications.historyTitle')}</h2>
      <HistoryTable ctx={ctx} history={citizenHistory(d.history)} />
    </Layout>
  );
}

/** Asks before an application is withdrawn: what it means, and a button that says so. */
export function WithdrawPage({ ctx, application }: { ctx: PageContext; application: Application }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('applications.withdraw.title')}>
      <p>
        <a href={`/applications/${application.id}`}>{application.fullName ?? t('applications.unnamed')}</a>
      </p>
      <h1>{t('applications.withdraw.title')}</h1>
      <p>{t('applications.withdraw.lead', { code: application.trackingCode ?? '' })}</p>
      <form method="post" action={`/applications/${application.id}/withdraw`}>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <button type="submit" class="secondary">
          {t('applications.withdraw.confirm')}
        </button>{' '}
        <a href={`/applications/${application.id}`}>{t('applications.withdraw.keep')}</a>
      </form>
    </Layout>
  );
}

export function SubmittedPage({ ctx, application }: { ctx: PageContext; application: Application }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('applications.submitted.title')}>
      <div class="notice" role="status">
        <h1>{t('applications.submitted.title')}</h1>
        <p>{t('applications.submitted.code')}</p>
        <p>
          <strong class="tracking-code">{application.trackingCode}</strong>
        </p>
      </div>
      <p>{t('applications.submitted.lead', { total: formatRupiah(ctx.lang, application.feeTotal ?? 0) })}</p>
      <h2>{t('applications.submitted.next')}</h2>
      <p>{t('applications.submitted.bookLead')}</p>
      <p>
        <a class="button" href={bookPath(application.id)}>
          {t('applications.book')}
        </a>
      </p>
      <p>
        <a href={`/applications/${application.id}`}>{t('applications.submitted.details')}</a>
      </p>
    </Layout>
  );
}
