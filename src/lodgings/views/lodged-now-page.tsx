import { formatDateTime, formatDay, formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { LodgedGuest } from '../view-lodged-in-district.ts';
import type { LodgedRegency } from '../view-lodged-now.ts';

export const oversightBase = (unitCode: string) => `/officer/units/${unitCode}/lodgings`;

type Props = { ctx: PageContext; unitCode: string; regencies: LodgedRegency[]; partner: boolean; grantor: boolean };

/** The GET form that finds a person by passport number and nationality, leading to their movements. */
export function FindPersonForm({
  ctx,
  unitCode,
  values = {},
}: {
  ctx: PageContext;
  unitCode: string;
  values?: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <form method="get" action={`${oversightBase(unitCode)}/people`} class="inline-form">
      <div class="field">
        <label for="f-nationality">{t('lodgings.oversight.nationality')}</label>
        <p class="hint" id="f-nationality-hint">
          {t('lodgings.oversight.nationalityHint')}
        </p>
        <input
          id="f-nationality"
          name="nationality"
          type="text"
          maxLength={3}
          aria-describedby="f-nationality-hint"
          value={values.nationality}
        />
      </div>
      <div class="field">
        <label for="f-documentNumber">{t('lodgings.oversight.passport')}</label>
        <input id="f-documentNumber" name="documentNumber" type="text" maxLength={15} value={values.documentNumber} />
      </div>
      <button type="submit">{t('lodgings.oversight.find')}</button>
    </form>
  );
}

/** Lodged now per regency of the area, each regency's districts with a count and a link to their list. */
export function LodgedNowPage({ ctx, unitCode, regencies, partner, grantor }: Props) {
  const { t } = ctx;
  const base = oversightBase(unitCode);
  const total = regencies.reduce((sum, r) => sum + r.count, 0);
  return (
    <Layout ctx={ctx} title={t('lodgings.oversight.title')}>
      <h1>{t('lodgings.oversight.title')}</h1>
      <p class="lead">{t('lodgings.oversight.lead', { unit: unitCode })}</p>
      <p class="notice">{partner ? t('lodgings.oversight.partnerNotice') : t('lodgings.oversight.audited')}</p>
      {!partner && (
        <ul>
          <li>
            <a href={`${base}/silent`}>{t('lodgings.oversight.links.silent')}</a>
          </li>
          <li>
            <a href={`${base}/flags`}>{t('lodgings.oversight.links.flags')}</a>
          </li>
          {grantor && (
            <li>
              <a href={`${base}/partners`}>{t('lodgings.oversight.links.partners')}</a>
            </li>
          )}
        </ul>
      )}
      <ScrollRegion label={t('lodgings.oversight.total', { n: formatNumber(ctx.lang, total) })}>
        <table>
          <caption>{t('lodgings.oversight.total', { n: formatNumber(ctx.lang, total) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lodgings.oversight.regency')}</th>
              <th scope="col">{t('lodgings.oversight.district')}</th>
              <th scope="col">{t('lodgings.oversight.lodgedNow')}</th>
            </tr>
          </thead>
          <tbody>
            {regencies.flatMap((r) => [
              <tr key={r.code}>
                <th scope="row">{r.name}</th>
                <td>{r.count === 0 ? t('lodgings.oversight.noneInRegency') : ''}</td>
                <td class="number">{formatNumber(ctx.lang, r.count)}</td>
              </tr>,
              ...r.districts.map((d) => (
                <tr key={d.code}>
                  <td />
                  <td>
                    <a href={`${base}/districts/${d.code}`}>{d.name}</a>
                  </td>
                  <td class="number">{formatNumber(ctx.lang, d.count)}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </ScrollRegion>
      <h2>{t('lodgings.oversight.findTitle')}</h2>
      <FindPersonForm ctx={ctx} unitCode={unitCode} />
    </Layout>
  );
}

type DistrictProps = {
  ctx: PageContext;
  unitCode: string;
  district: { name: string };
  guests: LodgedGuest[];
  limit: number;
};

/** Who is lodged now in one district: lodging, nationality, dates; name and passport for officers only. */
export function LodgedDistrictPage({ ctx, unitCode, district, guests, limit }: DistrictProps) {
  const { t } = ctx;
  const base = oversightBase(unitCode);
  const identity = ctx.actor?.role !== 'partner';
  const title = t('lodgings.oversight.districtTitle', { name: district.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={base}>{t('lodgings.oversight.links.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="notice">{t('lodgings.oversight.audited')}</p>
      {guests.length === 0 ? (
        <p>{t('lodgings.oversight.noneInDistrict')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <caption>{guests.length >= limit ? t('lodgings.oversight.districtLimit', { n: limit }) : title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lodgings.oversight.lodging')}</th>
                <th scope="col">{t('lodgings.oversight.room')}</th>
                <th scope="col">{t('lodgings.oversight.nationality')}</th>
                {identity && <th scope="col">{t('lodgings.oversight.name')}</th>}
                {identity && <th scope="col">{t('lodgings.oversight.passport')}</th>}
                <th scope="col">{t('lodgings.oversight.checkIn')}</th>
                <th scope="col">{t('lodgings.oversight.expectedCheckOut')}</th>
                <th scope="col">{t('lodgings.oversight.movements')}</th>
              </tr>
            </thead>
            <tbody>
              {guests.map((g) => (
                <tr key={g.stayId}>
                  <td>{g.lodgingName}</td>
                  <td>{g.room ?? '—'}</td>
                  <td>{g.nationality}</td>
                  {identity && <td>{g.name ?? '—'}</td>}
                  {identity && <td>{g.documentNumber ?? '—'}</td>}
                  <td>{formatDateTime(ctx.lang, g.checkInAt)}</td>
                  <td>{g.expectedCheckOutOn ? formatDay(ctx.lang, g.expectedCheckOutOn) : '—'}</td>
                  <td>
                    <a href={`${base}/foreigners/${g.foreignerId}`}>{t('lodgings.oversight.movements')}</a>
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
