import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';

const featured = ['passport', 'eazy_paspor', 'koe_tos', 'koe_peduli', 'complaints', 'lodging_report'] as const;
/** Where each service starts, for the services that have their pages already. */
const starts: Partial<Record<(typeof featured)[number], string>> = {
  passport: '/applications',
  eazy_paspor: '/eazy-paspor',
  koe_tos: '/applications',
  koe_peduli: '/si-koe-peduli',
  complaints: '/pengaduan',
};

export function HomePage({ ctx, units }: { ctx: PageContext; units: Unit[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <p>
          {t('home.followTitle')} <a href="/track">{t('home.trackLink')}</a>
        </p>
      </section>
      <h2>{t('home.servicesTitle')}</h2>
      <ul class="cards">
        {featured.map((s) => (
          <li key={s} class="card">
            <h3>
              {starts[s] ? (
                <a href={starts[s]}>{t(`services.${s}.name`)}</a>
              ) : (
                <>
                  {t(`services.${s}.name`)}
                  <span class="tag">{t('home.soon')}</span>
                </>
              )}
            </h3>
            <p>{t(`services.${s}.about`)}</p>
          </li>
        ))}
      </ul>
      <h2 id="follow">{t('home.followTitle')}</h2>
      <ul class="cards">
        <li class="card">
          <h3>
            <a href="/track">{t('home.trackLink')}</a>
          </h3>
          <p>{t('home.trackLead')}</p>
        </li>
        <li class="card">
          <h3>
            <a href="/pengaduan/lacak">{t('home.complaintLink')}</a>
          </h3>
          <p>{t('home.complaintLead')}</p>
        </li>
        <li class="card">
          <h3>
            <a href="/sponsors">{t('home.sponsorLink')}</a>
          </h3>
          <p>{t('home.sponsorLead')}</p>
        </li>
        <li class="card">
          <h3>
            <a href="/desa-binaan">{t('home.villagesLink')}</a>
          </h3>
          <p>{t('home.villagesLead')}</p>
        </li>
      </ul>
      <h2 id="units">{t('home.unitsTitle')}</h2>
      <ul class="units">
        {units.map((u) => (
          <li key={u.code} class={`unit-${u.kind}`}>
            <a href={`/units/${u.code}`}>{u.name}</a>
            {/* Every post shows its state (the Kanwil revitalises and normalises them); other units only when not active. */}
            {(u.kind === 'pos' || u.kind === 'plbn' || u.state !== 'active') && (
              <span class={`tag state-${u.state}`}>{t(`unitStates.${u.state}`)}</span>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
