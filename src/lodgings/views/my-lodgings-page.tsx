import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Lodging } from '../schema.ts';

type Props = { ctx: PageContext; lodgings: { lodging: Lodging; role: 'manager' | 'reporter' }[] };

/** The lodgings the account reports for, each with its status, and the way to register one. */
export function MyLodgingsPage({ ctx, lodgings }: Props) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('lodgings.intake.mine.title')}>
      <h1>{t('lodgings.intake.mine.title')}</h1>
      <p class="lead">{t('lodgings.intake.mine.lead')}</p>
      {lodgings.length === 0 ? (
        <p>{t('lodgings.intake.mine.none')}</p>
      ) : (
        <ul>
          {lodgings.map(({ lodging }) => (
            <li key={lodging.id}>
              <a href={`/lodgings/${lodging.id}`}>{lodging.name}</a> · {t(`lodgings.intake.statuses.${lodging.status}`)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button" href="/lodgings/register">
          {t('lodgings.intake.mine.register')}
        </a>
      </p>
    </Layout>
  );
}
