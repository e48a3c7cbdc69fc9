import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Sponsor } from '../schema.ts';

/** The sponsors the signed-in person acts for, and the way to register one. */
export function MySponsorsPage({ ctx, sponsors }: { ctx: PageContext; sponsors: Sponsor[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('stayPermits.sponsor.mineTitle')}>
      <h1>{t('stayPermits.sponsor.mineTitle')}</h1>
      <p class="lead">{t('stayPermits.sponsor.mineLead')}</p>
      {sponsors.length === 0 ? (
        <p>{t('stayPermits.sponsor.none')}</p>
      ) : (
        <ul class="plain">
          {sponsors.map((s) => (
            <li key={s.id}>
              <a href={`/sponsors/${s.id}`}>{s.name}</a> — {t(`stayPermits.sponsorStatuses.${s.status}`)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/sponsors/register">{t('stayPermits.sponsor.register')}</a>
      </p>
    </Layout>
  );
}
