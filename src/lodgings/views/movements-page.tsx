import { formatDateTime, formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { RowLink } from '../../platform/views/row-actions.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { viewMovements } from '../view-movements.ts';
import { FindPersonForm, oversightBase } from './lodged-now-page.tsx';

type Movements = Awaited<ReturnType<typeof viewMovements>>;

/**
 * One person's stays in order: where, when in, when out (or not yet), whether the check-in came late, and for
 * officers the biodata photo a lodging of their area attached.
 */
export function MovementsPage({ ctx, unitCode, person }: { ctx: PageContext; unitCode: string; person: Movements }) {
  const { t } = ctx;
  const title = t('lodgings.oversight.movementsTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={oversightBase(unitCode)}>{t('lodgings.oversight.links.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="notice">{t('lodgings.oversight.audited')}</p>
      <dl>
        {person.name && (
          <>
            <dt>{t('lodgings.oversight.name')}</dt>
            <dd>{person.name}</dd>
          </>
        )}
        <dt>{t('lodgings.oversight.nationality')}</dt>
        <dd>{person.nationality}</dd>
        {person.birthDate && (
          <>
            <dt>{t('lodgings.oversight.birthDate')}</dt>
            <dd>{formatDay(ctx.lang, person.birthDate)}</dd>
          </>
        )}
      </dl>
      {person.stays.length === 0 ? (
        <p>{t('lodgings.oversight.noStays')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lodgings.oversight.lodging')}</th>
                {person.name && <th scope="col">{t('lodgings.oversight.passport')}</th>}
                <th scope="col">{t('lodgings.oversight.checkIn')}</th>
                <th scope="col">{t('lodgings.oversight.expectedCheckOut')}</th>
                <th scope="col">{t('lodgings.oversight.checkOut')}</th>
                {person.name && <th scope="col">{t('lodgings.oversight.photo')}</th>}
              </tr>
            </thead>
            <tbody>
              {person.stays.map((s) => (
                <tr key={s.stayId}>
                  <td>
                    {s.lodgingName}
                    <br />
                    <small>{s.address}</small>
                  </td>
                  {person.name && <td>{s.documentNumber}</td>}
                  <td>
                    {formatDateTime(ctx.lang, s.checkInAt)}
                    {s.late && ` (${t('lodgings.oversight.late')})`}
                  </td>
                  <td>{s.expectedCheckOutOn ? formatDay(ctx.lang, s.expectedCheckOutOn) : '—'}</td>
                  <td>{s.checkOutAt ? formatDateTime(ctx.lang, s.checkOutAt) : t('lodgings.oversight.notYet')}</td>
                  {person.name && (
                    <td>
                      {s.hasPhoto ? (
                        <RowLink
                          href={`${oversightBase(unitCode)}/stays/${s.stayId}/photo`}
                          label={t('lodgings.oversight.openPhoto')}
                          row={s.lodgingName}
                        />
                      ) : (
                        '—'
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}

type Found = { id: string; nationality: string; birthDate: string | null };

/** The search by passport: the form again, and the people found (each a link to their movements). */
export function FindPersonPage({
  ctx,
  unitCode,
  values,
  found,
}: {
  ctx: PageContext;
  unitCode: string;
  values: Record<string, string>;
  found: Found[] | null;
}) {
  const { t } = ctx;
  const base = oversightBase(unitCode);
  return (
    <Layout ctx={ctx} title={t('lodgings.oversight.findTitle')}>
      <p>
        <a href={base}>{t('lodgings.oversight.links.back')}</a>
      </p>
      <h1>{t('lodgings.oversight.findTitle')}</h1>
      <FindPersonForm ctx={ctx} unitCode={unitCode} values={values} />
      {found !== null &&
        (found.length === 0 ? (
          <p role="status">{t('lodgings.oversight.findNone')}</p>
        ) : (
          <>
            <h2>{t('lodgings.oversight.findResults')}</h2>
            <ul>
              {found.map((f) => (
                <li key={f.id}>
                  <a href={`${base}/foreigners/${f.id}`}>
                    {f.birthDate
                      ? `${f.nationality}, ${t('lodgings.oversight.birthDate')} ${formatDay(ctx.lang, f.birthDate)}`
                      : f.nationality}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ))}
    </Layout>
  );
}
