import { witaInstant } from '../../platform/calendar/wita.ts';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { OverstayRow } from '../list-overstays.ts';
import { overstayStatuses, type OverstayStatus } from '../schema.ts';
import type { ProposalStep } from '../workflow.ts';

export type OverstayListItem = OverstayRow & { steps: ProposalStep[] };
type Props = {
  ctx: PageContext;
  rows: OverstayListItem[];
  scope: string[];
  filter: { status?: OverstayStatus; unit?: string };
  requestId: string;
  errors?: Record<string, string>;
};

const day = (ctx: PageContext, date: string) => formatDate(ctx.lang, witaInstant(date));

function Filter({ ctx, scope, filter }: Pick<Props, 'ctx' | 'scope' | 'filter'>) {
  const { t } = ctx;
  return (
    <form method="get" action="/officer/overstays" class="filters">
      <div class="field">
        <label for="f-status">{t('overstays.status')}</label>
        <select id="f-status" name="status">
          <option value="">{t('overstays.all')}</option>
          {overstayStatuses.map((s) => (
            <option key={s} value={s} selected={filter.status === s}>
              {t(`overstays.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-unit">{t('overstays.unit')}</label>
        <select id="f-unit" name="unit">
          <option value="">{t('overstays.all')}</option>
          {scope.map((u) => (
            <option key={u} value={u} selected={filter.unit === u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        {t('overstays.filter')}
      </button>
    </form>
  );
}

function Billing({ ctx, row }: { ctx: PageContext; row: OverstayRow }) {
  const { t } = ctx;
  if (row.paidAt) return <>{t('overstays.billing.paid', { at: formatDateTime(ctx.lang, row.paidAt) })}</>;
  if (!row.billingCode || !row.billingExpiresAt || row.status !== 'open') return <>{t('overstays.billing.none')}</>;
  return (
    <>
      <code>{row.billingCode}</code>{' '}
      {t('overstays.billing.until', { at: formatDateTime(ctx.lang, row.billingExpiresAt) })}
    </>
  );
}

/** A later period's whole overstay, which the limit of days judges. */
function InAll({ ctx, row }: { ctx: PageContext; row: OverstayRow }) {
  const n = (Date.parse(row.lastDay) - Date.parse(row.startedOn)) / 86_400_000 + 1;
  return (
    <>
      {' '}
      <small>{ctx.t('overstays.inAll', { n: formatNumber(ctx.lang, n), on: day(ctx, row.startedOn) })}</small>
    </>
  );
}

function Proposal({ ctx, row, requestId }: { ctx: PageContext; row: OverstayListItem; requestId: string }) {
  const { t } = ctx;
  const proposal = row.proposal;
  if (!proposal) return <>—</>;
  const name = row.person ? `${row.person.surname} ${row.person.givenNames}`.trim() : row.id;
  return (
    <>
      {t(`overstays.reasons.${proposal.reason}`)}; {t(`overstays.proposalStatuses.${proposal.status}`)}
      {row.steps.includes('acknowledge') && (
        <form method="post" action={`/officer/overstays/proposals/${proposal.id}/acknowledge`} class="inline">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="requestId" value={`${requestId}-${proposal.id}`} />
          <button type="submit" class="secondary">
            {t('overstays.acknowledge')}
            <span class="visually-hidden"> {name}</span>
          </button>
        </form>
      )}
    </>
  );
}

/** The unit's overstays with the days, the charge, its billing code and any proposal the head acknowledges here. */
export function OverstaysPage({ ctx, rows, scope, filter, requestId, errors }: Props) {
  const { t } = ctx;
  const caption = t('overstays.count', { n: rows.length });
  return (
    <Layout ctx={ctx} title={t('overstays.title')} hasErrors={!!errors}>
      <h1>{t('overstays.title')}</h1>
      <p class="lead">{t('overstays.lead')}</p>
      <p class="notice">{t('overstays.audited')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={{}} />
      <Filter ctx={ctx} scope={scope} filter={filter} />
      {rows.length === 0 ? (
        <p>{t('overstays.none')}</p>
      ) : (
        <ScrollRegion label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {['person', 'unit', 'period', 'days', 'amount', 'status', 'billingCode', 'proposal'].map((c) => (
                  <th key={c} scope="col">
                    {t(`overstays.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.person ? `${r.person.surname}, ${r.person.givenNames} (${r.person.nationality})` : '—'}</td>
                  <td>{r.unitCode}</td>
                  <td>
                    {day(ctx, r.firstDay)} – {day(ctx, r.lastDay)}
                  </td>
                  <td>
                    {formatNumber(ctx.lang, r.days)}
                    {r.departedOn ? ` (${t('overstays.departed', { on: day(ctx, r.departedOn) })})` : ''}
                    {r.startedOn !== r.firstDay && <InAll ctx={ctx} row={r} />}
                  </td>
                  <td>
                    {formatRupiah(ctx.lang, r.amount)}{' '}
                    <small>{t('overstays.rate', { rate: formatRupiah(ctx.lang, r.dailyRate) })}</small>
                  </td>
                  <td>{t(`overstays.statuses.${r.status}`)}</td>
                  <td>
                    <Billing ctx={ctx} row={r} />
                  </td>
                  <td>
                    <Proposal ctx={ctx} row={r} requestId={requestId} />
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
