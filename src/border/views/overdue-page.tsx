import { formatCalendarDate } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { CrossingPoint } from '../../crossing-points/get-crossing-point.ts';
import type { Crossing } from '../schema.ts';

/** The PLB holders who left through this point and are not back after the stay allowed without extensions. */
export function OverduePage({ ctx, point, rows }: { ctx: PageContext; point: CrossingPoint; rows: Crossing[] }) {
  const { t, lang } = ctx;
  const title = t('border.overdueList.title', { point: point.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/officer/crossing-points/${point.code}/desk`}>{t('border.desk.title', { point: point.name })}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('border.overdueList.lead')}</p>
      {rows.length === 0 ? (
        <p>{t('border.overdueList.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('border.fields.traveller')}</th>
              <th scope="col">{t('border.fields.document')}</th>
              <th scope="col">{t('border.overdueList.departed')}</th>
              <th scope="col">{t('border.overdueList.returnBy')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>{c.fullName}</td>
                <td>{c.documentNumber}</td>
                <td>{formatCalendarDate(lang, c.crossedOn)}</td>
                <td>{formatCalendarDate(lang, c.returnBy!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
