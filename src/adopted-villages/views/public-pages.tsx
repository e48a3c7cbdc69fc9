import { formatNumber } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { AdoptedVillageView } from '../list-adopted-villages.ts';
import { decreeText, OfficeContact, OfficerContacts, reasonsText } from './village-facts.tsx';

export type RegencyCount = { regencyCode: string; regency: string; villages: number };

/** The public index: every regency with adopted villages, and how many. */
export function PublicIndexPage({ ctx, regencies }: { ctx: PageContext; regencies: RegencyCount[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('adoptedVillages.title')}>
      <h1>{t('adoptedVillages.title')}</h1>
      <p>{t('adoptedVillages.lead')}</p>
      <TipLink ctx={ctx} />
      <h2>{t('adoptedVillages.byRegency')}</h2>
      {regencies.length === 0 ? (
        <p>{t('adoptedVillages.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('adoptedVillages.fields.regency')}</th>
              <th scope="col">{t('adoptedVillages.fields.villages')}</th>
            </tr>
          </thead>
          <tbody>
            {regencies.map((r) => (
              <tr key={r.regencyCode}>
                <th scope="row">
                  <a href={`/desa-binaan/${r.regencyCode}`}>{r.regency}</a>
                </th>
                <td>{formatNumber(lang, r.villages)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** Where a villager asks or reports, without an account (the village-tips form). */
function TipLink({ ctx }: { ctx: PageContext }) {
  return (
    <p>
      <a href="/desa-binaan/lapor">{ctx.t('adoptedVillages.tipLink')}</a>
    </p>
  );
}

type RegencyProps = { ctx: PageContext; regency: string; villages: AdoptedVillageView[] };

/** One regency's adopted villages with their decree, why they were chosen, their PIMPASA and the office to call. */
export function PublicRegencyPage({ ctx, regency, villages }: RegencyProps) {
  const { t } = ctx;
  const title = t('adoptedVillages.regencyTitle', { regency });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/desa-binaan">{t('adoptedVillages.allRegencies')}</a>
      </p>
      <h1>{title}</h1>
      {villages.length === 0 ? (
        <p>{t('adoptedVillages.none')}</p>
      ) : (
        // A card per village rather than a wide table: villagers read this on small phones.
        <ul class="cards">
          {villages.map((v) => (
            <li class="card" key={v.villageCode}>
              <h2>{v.village}</h2>
              <dl class="facts">
                <dt>{t('adoptedVillages.fields.district')}</dt>
                <dd>{v.district}</dd>
                <dt>{t('adoptedVillages.fields.officers')}</dt>
                <dd>
                  <OfficerContacts ctx={ctx} village={v} />
                </dd>
                <dt>{t('adoptedVillages.fields.office')}</dt>
                <dd>
                  <OfficeContact village={v} />
                </dd>
                <dt>{t('adoptedVillages.fields.decree')}</dt>
                <dd>{decreeText(ctx, v)}</dd>
                <dt>{t('adoptedVillages.fields.reasons')}</dt>
                <dd>{reasonsText(ctx, v)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <TipLink ctx={ctx} />
    </Layout>
  );
}
