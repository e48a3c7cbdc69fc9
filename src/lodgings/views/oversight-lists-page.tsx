import { formatDateTime, formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { listSilentLodgings } from '../list-silent-lodgings.ts';
import type { listStayFlags } from '../list-stay-flags.ts';
import { oversightBase } from './lodged-now-page.tsx';

type Silent = Awaited<ReturnType<typeof listSilentLodgings>>;
type Flags = Awaited<ReturnType<typeof listStayFlags>>;

function DaysForm({ ctx, action, days, label }: { ctx: PageContext; action: string; days: number; label: string }) {
  const { t } = ctx;
  return (
    <form method="get" action={action} class="inline-form">
      <div class="field">
        <label for="f-days">{label}</label>
        <input id="f-days" name="days" type="number" min={1} max={365} value={String(days)} inputmode="numeric" />
      </div>
      <button type="submit" class="secondary">
        {t('lodgings.oversight.show')}
      </button>
    </form>
  );
}

/** Verified lodgings silent for `days`, the longest silent first, with a phone number to call. */
export function SilentLodgingsPage({
  ctx,
  unitCode,
  days,
  rows,
}: {
  ctx: PageContext;
  unitCode: string;
  days: number;
  rows: Silent;
}) {
  const { t } = ctx;
  const base = oversightBase(unitCode);
  const title = t('lodgings.oversight.silentTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={base}>{t('lodgings.oversight.links.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('lodgings.oversight.silentLead', { days })}</p>
      <DaysForm ctx={ctx} action={`${base}/silent`} days={days} label={t('lodgings.oversight.silentDays')} />
      {rows.length === 0 ? (
        <p>{t('lodgings.oversight.silentNone')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <caption>{`${title}: ${rows.length}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lodgings.oversight.lodging')}</th>
                <th scope="col">{t('lodgings.oversight.phone')}</th>
                <th scope="col">{t('lodgings.oversight.lastReport')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.name}
                    <br />
                    <small>{r.address}</small>
                  </td>
                  <td>{r.phone}</td>
                  <td>{formatDateTime(ctx.lang, r.lastReportAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}

function FlagTable({
  ctx,
  unitCode,
  caption,
  rows,
}: {
  ctx: PageContext;
  unitCode: string;
  caption: string;
  rows: Flags['late'];
}) {
  const { t } = ctx;
  if (rows.length === 0) return <p>{t('lodgings.oversight.noneFlagged')}</p>;
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lodgings.oversight.lodging')}</th>
            <th scope="col">{t('lodgings.oversight.nationality')}</th>
            <th scope="col">{t('lodgings.oversight.checkIn')}</th>
            <th scope="col">{t('lodgings.oversight.reportedAt')}</th>
            <th scope="col">{t('lodgings.oversight.expectedCheckOut')}</th>
            <th scope="col">{t('lodgings.oversight.movements')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.stayId}>
              <td>{s.lodgingName}</td>
              <td>{s.nationality}</td>
              <td>{formatDateTime(ctx.lang, s.checkInAt)}</td>
              <td>{formatDateTime(ctx.lang, s.reportedAt)}</td>
              <td>{s.expectedCheckOutOn ? formatDay(ctx.lang, s.expectedCheckOutOn) : '—'}</td>
              <td>
                <a href={`${oversightBase(unitCode)}/foreigners/${s.foreignerId}`}>
                  {t('lodgings.oversight.movements')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The office's flags: late check-ins of the last `days` and open stays past their declared departure, with counts. */
export function StayFlagsPage({
  ctx,
  unitCode,
  days,
  flags,
  limit,
}: {
  ctx: PageContext;
  unitCode: string;
  days: number;
  flags: Flags;
  limit: number;
}) {
  const { t } = ctx;
  const base = oversightBase(unitCode);
  const title = t('lodgings.oversight.flagsTitle');
  const lateTitle = t('lodgings.oversight.lateTitle', { n: flags.lateCount });
  const missingTitle = t('lodgings.oversight.missingTitle', { n: flags.missingCount });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={base}>{t('lodgings.oversight.links.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('lodgings.oversight.flagsLead', { days })}</p>
      <p class="notice">{`${t('lodgings.oversight.audited')} ${t('lodgings.oversight.listLimit', { n: limit })}`}</p>
      <DaysForm ctx={ctx} action={`${base}/flags`} days={days} label={t('lodgings.oversight.flagDays')} />
      <h2>{lateTitle}</h2>
      <FlagTable ctx={ctx} unitCode={unitCode} caption={lateTitle} rows={flags.late} />
      <h2>{missingTitle}</h2>
      <FlagTable ctx={ctx} unitCode={unitCode} caption={missingTitle} rows={flags.missing} />
    </Layout>
  );
}
