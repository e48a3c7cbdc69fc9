import { formatDateTime, formatDay, formatRupiah } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { ApplicationHistoryEntry } from '../application-actions.ts';
import type { PermitApplication } from '../schema.ts';

const day = (ctx: PageContext, d: string | null) => (d ? formatDay(ctx.lang, d) : '—');

/** What the applicant and the officers both see: the service, its stage, fee, billing code, dates. */
export function ApplicationFacts({ ctx, application: a }: { ctx: PageContext; application: PermitApplication }) {
  const { t } = ctx;
  const rows: [string, string | null][] = [
    ['status', t(`permitServices.statuses.${a.status}`)],
    ['filedOn', day(ctx, a.filedOn)],
    ['fee', formatRupiah(ctx.lang, a.feeAmount)],
    ['regulation', a.feeRegulation],
    ['billingCode', a.billingCode],
    ['dueOn', a.dueOn && day(ctx, a.dueOn)],
    ['biometricsOn', a.biometricsOn && day(ctx, a.biometricsOn)],
    ['grantUntil', a.grantUntil && day(ctx, a.grantUntil)],
    ['refusalReason', a.refusalReason],
  ];
  return (
    <dl>
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => [<dt key={`${k}-t`}>{t(`permitServices.application.${k}`)}</dt>, <dd key={k}>{v}</dd>])}
    </dl>
  );
}

export function History({ ctx, history }: { ctx: PageContext; history: ApplicationHistoryEntry[] }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('permitServices.application.history')}</h2>
      <ol>
        {history.map((h, i) => (
          <li key={i}>
            {formatDateTime(ctx.lang, h.at)}: {t(`permitServices.actions.${h.type}`)}
          </li>
        ))}
      </ol>
    </>
  );
}
