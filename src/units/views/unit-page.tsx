import { formatCalendarDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../schema.ts';
import { OfficeContactFacts } from './office-contact.tsx';
import { OpeningHoursTable } from './opening-hours.tsx';
import { RoadmapSection } from './roadmap-section.tsx';
import type { UnitRoadmap } from '../unit-roadmap.ts';

type Props = { ctx: PageContext; unit: Unit; parent?: Unit; children: Unit[]; roadmap: UnitRoadmap; manages: boolean };

export function UnitPage({ ctx, unit, parent, children, roadmap, manages }: Props) {
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
        <dd>
          <span class={`state state-${unit.state}`}>{t(`unitStates.${unit.state}`)}</span>
          {unit.stateSince && ` ${t('units.since', { date: formatCalendarDate(ctx.lang, unit.stateSince) })}`}
        </dd>
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
      {unit.services.length === 0 ? (
        <p>{t('units.noServices')}</p>
      ) : (
        <ul>
          {unit.services.map((s) => (
            <li key={s}>{t(`services.${s}.name`)}</li>
          ))}
        </ul>
      )}
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
      <RoadmapSection ctx={ctx} roadmap={roadmap} />
      {(ctx.actor?.role === 'admin' || manages) && (
        <p>
          {ctx.actor?.role === 'admin' && (
            <a class="button secondary" href={`/admin/units/${unit.code}/edit`}>
              {t('units.edit')}
            </a>
          )}{' '}
          {manages && (
            <a class="button secondary" href={`/admin/units/${unit.code}/roadmap`}>
              {t('units.roadmapManage')}
            </a>
          )}
        </p>
      )}
    </Layout>
  );
}
