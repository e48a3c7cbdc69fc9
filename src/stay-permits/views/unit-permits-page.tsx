import type { PageContext } from '../../platform/views/context.ts';
import { formatDateTime } from '../../platform/i18n/format.ts';
import { RowButton, RowLink } from '../../platform/views/row-actions.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { UnitPermitRow } from '../list-unit-permits.ts';
import type { UnitChangeReport } from '../list-unit-change-reports.ts';
import { permitTypes, type PermitType } from '../schema.ts';
import { DaysLeft, day, holderName } from './permit-labels.tsx';

type Props = {
  ctx: PageContext;
  unit: { code: string; name: string };
  rows: UnitPermitRow[];
  limit: number;
  filter: { type?: PermitType; ending?: boolean };
  changes: UnitChangeReport[];
  today: string;
};

function Filter({ ctx, unit, filter }: Pick<Props, 'ctx' | 'unit' | 'filter'>) {
  const { t } = ctx;
  return (
    <form method="get" action={`/officer/units/${unit.code}/stay-permits`} class="filters">
      <div class="field">
        <label for="f-type">{t('stayPermits.fields.type')}</label>
        <select id="f-type" name="type">
          <option value="">{t('stayPermits.unit.allTypes')}</option>
          {permitTypes.map((type) => (
            <option key={type} value={type} selected={filter.type === type}>
              {t(`stayPermits.types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <label class="check" for="f-ending">
        <input type="checkbox" id="f-ending" name="ending" value="1" checked={filter.ending} />{' '}
        {t('stayPermits.unit.endingSoon')}
      </label>
      <button type="submit" class="secondary">
        {t('stayPermits.unit.filter')}
      </button>
    </form>
  );
}

function Changes({ ctx, changes }: Pick<Props, 'ctx' | 'changes'>) {
  const { t } = ctx;
  if (changes.length === 0) return <p>{t('stayPermits.unit.noChanges')}</p>;
  return (
    <ul class="plain">
      {changes.map((c) => (
        <li key={c.id}>
          <strong>{t(`stayPermits.changeKinds.${c.kind}`)}</strong> —{' '}
          <a href={`/officer/stay-permits/${c.permitId}`}>{holderName(c.holder)}</a> ({c.sponsorName},{' '}
          {formatDateTime(ctx.lang, c.reportedAt)}): {c.details}{' '}
          <RowButton
            ctx={ctx}
            action={`/officer/change-reports/${c.id}/acknowledge`}
            label={t('stayPermits.unit.acknowledge')}
            row={holderName(c.holder)}
            variant="secondary"
          />
        </li>
      ))}
    </ul>
  );
}

/** An office's active permits with a filter, the changes sponsors reported, and links to record a permit. */
export function UnitPermitsPage({ ctx, unit, rows, limit, filter, changes, today }: Props) {
  const { t } = ctx;
  const title = t('stayPermits.unit.title', { unit: unit.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t('stayPermits.unit.lead')}</p>
      <p>
        <a href={`/officer/units/${unit.code}/stay-permits/new`}>{t('stayPermits.unit.record')}</a> ·{' '}
        <a href={`/officer/units/${unit.code}/sponsors`}>{t('stayPermits.unit.sponsors')}</a>
      </p>
      <h2>{t('stayPermits.unit.changesTitle')}</h2>
      <Changes ctx={ctx} changes={changes} />
      <h2>{t('stayPermits.unit.count', { n: rows.length })}</h2>
      <Filter ctx={ctx} unit={unit} filter={filter} />
      {rows.length >= limit && <p class="notice">{t('stayPermits.unit.limited', { n: limit })}</p>}
      {rows.length === 0 ? (
        <p>{t('stayPermits.unit.none')}</p>
      ) : (
        <ScrollRegion label={t('stayPermits.unit.count', { n: rows.length })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('stayPermits.fields.holder')}</th>
                <th scope="col">{t('stayPermits.fields.nationality')}</th>
                <th scope="col">{t('stayPermits.fields.type')}</th>
                <th scope="col">{t('stayPermits.fields.permitNumber')}</th>
                <th scope="col">{t('stayPermits.fields.validUntil')}</th>
                <th scope="col">{t('stayPermits.fields.daysLeft')}</th>
                <th scope="col">{t('stayPermits.fields.sponsorId')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{holderName(r.holder)}</td>
                  <td>{r.holder.nationality}</td>
                  <td>{t(`stayPermits.types.${r.type}`)}</td>
                  <td>{r.permitNumber ?? '—'}</td>
                  <td>{day(ctx, r.validUntil)}</td>
                  <td>
                    <DaysLeft ctx={ctx} validUntil={r.validUntil} today={today} />
                  </td>
                  <td>{r.sponsorName ?? r.responsiblePerson ?? '—'}</td>
                  <td>
                    <RowLink
                      href={`/officer/stay-permits/${r.id}`}
                      label={t('stayPermits.unit.open')}
                      row={holderName(r.holder)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
