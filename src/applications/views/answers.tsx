import type { Fee } from '../../fees/calculate-fee.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { witaInstant } from '../../platform/calendar/wita.ts';
import { formatDate, formatRupiah } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { ApplicationDescription } from '../describe-application.ts';
import type { Application } from '../schema.ts';
import { regionPickerName, stepOf, stepPath } from '../wizard-steps.ts';
import { fieldLabels } from './step-fields.tsx';
import { RowLink } from '../../platform/views/row-actions.tsx';

type Row = { field: string; value: string | null };

function answerRows(ctx: PageContext, a: Application, d: ApplicationDescription): Row[] {
  const { t, lang } = ctx;
  const choice = (prefix: string, value: string | number | null) =>
    value === null ? null : t(`applications.${prefix}.${value}`);
  const rows: Row[] = [
    { field: 'unitCode', value: d.unitName ?? a.unitCode },
    { field: 'nik', value: a.nik },
    { field: 'fullName', value: a.fullName },
    { field: 'familyName', value: a.familyName === '' ? t('applications.noFamilyName') : a.familyName },
    { field: 'birthPlace', value: a.birthPlace },
    { field: 'birthDate', value: a.birthDate && formatDate(lang, witaInstant(a.birthDate)) },
    { field: 'sex', value: choice('sexes', a.sex) },
    { field: 'maritalStatus', value: choice('maritalStatuses', a.maritalStatus) },
    { field: 'address', value: a.address },
    { field: regionPickerName, value: d.regionName },
    { field: 'phone', value: a.phone },
    { field: 'email', value: a.email },
    { field: 'kind', value: choice('kinds', a.kind) },
    { field: 'oldPassportNumber', value: a.oldPassportNumber },
    { field: 'passportType', value: choice('types', a.passportType) },
    { field: 'validityYears', value: choice('validities', a.validityYears) },
    { field: 'speed', value: choice('speeds', a.speed) },
    { field: 'purpose', value: choice('purposes', a.purpose) },
    { field: 'pmiRecommendationNumber', value: a.pmiRecommendationNumber },
  ];
  // Optional answers appear when given, or on a draft where they can still be given.
  return rows.filter(
    (r) =>
      r.value !== null || (a.status === 'draft' && !['oldPassportNumber', 'pmiRecommendationNumber'].includes(r.field)),
  );
}

type Props = { ctx: PageContext; application: Application; description: ApplicationDescription; changeLinks?: boolean };

/** The answers, one row each; on the check page every row links to the page that asked it (row ids f-<field>). */
export function AnswerTable({ ctx, application, description, changeLinks }: Props) {
  const { t } = ctx;
  const labels = fieldLabels(t);
  return (
    <ScrollRegion label={t('applications.answers')}>
      <table class="answers">
        <tbody>
          {answerRows(ctx, application, description).map((row) => (
            <tr key={row.field} id={`f-${row.field}`}>
              <th scope="row">{labels[row.field]}</th>
              <td>{row.value ?? '—'}</td>
              {changeLinks && (
                <td>
                  <RowLink
                    href={stepPath(application.id, stepOf(row.field), true)}
                    label={t('applications.check.change')}
                    row={labels[row.field] ?? ''}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The itemised PNBP fee and the regulation it comes from. */
export function FeeTable({ ctx, fee }: { ctx: PageContext; fee: Pick<Fee, 'items' | 'total' | 'regulation'> }) {
  const { t } = ctx;
  return (
    <ScrollRegion label={t('applications.fee.caption', { regulation: fee.regulation })}>
      <table class="fee">
        <caption>{t('applications.fee.caption', { regulation: fee.regulation })}</caption>
        <tbody>
          {fee.items.map((item) => (
            <tr key={item.item}>
              <th scope="row">{t(`applications.feeItems.${item.item}`, { defaultValue: item.item })}</th>
              <td>{formatRupiah(ctx.lang, item.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('applications.fee.total')}</th>
            <td>
              <strong>{formatRupiah(ctx.lang, fee.total)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
