import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { CrossingPoint } from '../get-crossing-point.ts';
import { plbTodayText } from './point-facts.tsx';

type Props = { ctx: PageContext; points: CrossingPoint[]; unitNames: Map<string, string>; today: string };

/** Every crossing point with its unit, counterpart, documents and whether a PLB works there today. */
export function CrossingPointsPage({ ctx, points, unitNames, today }: Props) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('crossingPoints.title')}>
      <h1>{t('crossingPoints.title')}</h1>
      <p>{t('crossingPoints.lead')}</p>
      <ScrollRegion label={t('crossingPoints.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('crossingPoints.fields.name')}</th>
              <th scope="col">{t('crossingPoints.fields.kind')}</th>
              <th scope="col">{t('crossingPoints.fields.unit')}</th>
              <th scope="col">{t('crossingPoints.fields.counterpart')}</th>
              <th scope="col">{t('crossingPoints.fields.documents')}</th>
              <th scope="col">{t('crossingPoints.fields.plbToday')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.code}>
                <th scope="row">
                  <a href={`/officer/crossing-points/${p.code}`}>{p.name}</a>
                </th>
                <td>{t(`crossingPoints.kinds.${p.kind}`)}</td>
                <td>{unitNames.get(p.unitCode) ?? p.unitCode}</td>
                <td>{p.counterpart ?? '—'}</td>
                <td>{p.documents.map((d) => t(`crossingPoints.documents.${d}`)).join(', ')}</td>
                <td>{plbTodayText(ctx, p, today)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Layout>
  );
}
