import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../schema.ts';
import { OfficeContactFacts } from './office-contact.tsx';
import { OpeningHoursTable } from './opening-hours.tsx';

type Props = { ctx: PageContext; unit: Unit; parent?: Unit; children: Unit[] };

export function UnitPage({ ctx, unit, parent, children }: Props) {
  const { t } = ctx;
  const saved = ctx.path.includes('saved=1');
  return (
    <Layout ctx={ctx} title={unit.name}>
      {saved && (
        <p class="notice" role="status">
          {t('units.saved')}
        </p>
      )}
      <p class="eyebrow">{t(`unitKinds.${unit.kind}`)}</p>
      <h1>{unit.name}</h1>
      <dl class="facts">
        <OfficeContactFacts ctx={ctx} unit={unit} />
        {unit.email && (
          <>
            <dt>{t('units.email')}</dt>
            <dd>
              <a href={`mailto:${unit.email}`}>{unit.email}</a>
            </dd>
          </>
        )}
        <dt>{t('units.state')}</dt>
        <dd>{t(`unitStates.${unit.state}`)}</dd>
        {parent && (
          <>
            <dt>{t('units.parent')}</dt>
            <dd>
              <a href={`/units/${parent.code}`}>{parent.name}</a>
            </dd>
          </>
        )}
      </dl>
      <h2>{t('units.services')}</h2>
      <ul>
        {unit.services.map((s) => (
          <li key={s}>{t(`services.${s}.name`)}</li>
        ))}
      </ul>
      <OpeningHoursTable ctx={ctx} hours={unit.openingHours} />
      {children.length > 0 && (
        <>
          <h2>{t('units.posts')}</h2>
          <ul>
            {children.map((c) => (
              <li key={c.code}>
                <a href={`/units/${c.code}`}>{c.name}</a> · {t(`unitStates.${c.state}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {ctx.actor?.role === 'admin' && (
        <p>
          <a class="button secondary" href={`/admin/units/${unit.code}/edit`}>
            {t('units.edit')}
          </a>
        </p>
      )}
    </Layout>
  );
}
