import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { Unit } from '../schema.ts';
import { RowLink } from '../../platform/views/row-actions.tsx';

/** `manages`: the units whose state and roadmap the admin keeps (the Kanwil's admins: every unit but the Kanwil). */
export function UnitsAdminPage({ ctx, units, manages }: { ctx: PageContext; units: Unit[]; manages: Set<string> }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('units.adminTitle')}>
      <h1>{t('units.adminTitle')}</h1>
      <ScrollRegion label={t('units.adminTitle')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('units.code')}</th>
              <th scope="col">{t('units.name')}</th>
              <th scope="col">{t('units.kind')}</th>
              <th scope="col">{t('units.state')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.code}>
                <td>
                  <code>{u.code}</code>
                </td>
                <td>
                  <a href={`/units/${u.code}`}>{u.name}</a>
                </td>
                <td>{t(`unitKinds.${u.kind}`)}</td>
                <td>{t(`unitStates.${u.state}`)}</td>
                <td>
                  <RowLink href={`/admin/units/${u.code}/edit`} label={t('units.edit')} row={u.name} />
                  {manages.has(u.code) && (
                    <>
                      {' '}
                      <RowLink href={`/admin/units/${u.code}/roadmap`} label={t('units.roadmapManage')} row={u.name} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Layout>
  );
}
