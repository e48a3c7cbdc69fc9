import type { PageContext } from '../../platform/views/context.ts';
import { Field, SelectField, type FormState } from '../../platform/views/form.tsx';
import type { Unit } from '../../units/schema.ts';
import type { HolidayKind } from '../schema.ts';

export const holidayLabels = (ctx: PageContext) => ({
  date: ctx.t('holidays.date'),
  name: ctx.t('holidays.name'),
  kind: ctx.t('holidays.kind'),
  unitCode: ctx.t('holidays.unit'),
});

/** The fields of a holiday: the kinds and units offered are those the officer may use. */
export function HolidayFields({
  ctx,
  state,
  kinds,
  units,
}: {
  ctx: PageContext;
  state: FormState;
  kinds: HolidayKind[];
  units: Unit[];
}) {
  const { t } = ctx;
  const labels = holidayLabels(ctx);
  return (
    <>
      <Field name="date" label={labels.date} state={state} type="date" required />
      <Field name="name" label={labels.name} state={state} required />
      <SelectField
        name="kind"
        label={labels.kind}
        state={state}
        options={kinds.map((k) => ({ value: k, label: t(`holidays.kinds.${k}`) }))}
      />
      <SelectField
        name="unitCode"
        label={labels.unitCode}
        hint={t('holidays.unitHint')}
        state={state}
        options={[{ value: '', label: t('holidays.noUnit') }, ...units.map((u) => ({ value: u.code, label: u.name }))]}
      />
    </>
  );
}
