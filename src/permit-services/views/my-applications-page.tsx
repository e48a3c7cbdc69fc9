import { formatDay, formatRupiah } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { PermitApplication } from '../schema.ts';

/** The applicant's applications with where each stands, and the way to a new one. */
export function MyApplicationsPage({ ctx, applications }: { ctx: PageContext; applications: PermitApplication[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('permitServices.mine.title')}>
      <h1>{t('permitServices.mine.title')}</h1>
      <p>
        <a href="/stay-permits/apply">{t('permitServices.apply.title')}</a>
      </p>
      {applications.length === 0 ? (
        <p>{t('permitServices.mine.none')}</p>
      ) : (
        <ul>
          {applications.map((a) => (
            <li key={a.id}>
              <a href={`/stay-permits/applications/${a.id}`}>{t(`permitServices.services.${a.service}`)}</a>
              {` · ${formatDay(ctx.lang, a.filedOn)} · ${formatRupiah(ctx.lang, a.feeAmount)} · `}
              {t(`permitServices.statuses.${a.status}`)}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
