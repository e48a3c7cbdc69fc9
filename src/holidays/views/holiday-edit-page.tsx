import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { HolidayKind } from '../schema.ts';
import { HolidayFields, holidayLabels } from './holiday-fields.tsx';

type Props = {
  ctx: PageContext;
  holiday: { id: string; name: string; date: string };
  kinds: HolidayKind[];
  units: Unit[];
  state: FormState;
};

export function HolidayEditPage({ ctx, holiday, kinds, units, state }: Props) {
  const { t } = ctx;
  const title = t('holidays.editTitle', { name: holiday.name });
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={holidayLabels(ctx)} />
      <Form ctx={ctx} action={`/admin/holidays/${holiday.id}/edit`} submit={t('common.save')}>
        <HolidayFields ctx={ctx} state={state} kinds={kinds} units={units} />
      </Form>
      <h2>{t('holidays.removeTitle')}</h2>
      <p>{t('holidays.removeHint')}</p>
      <form method="post" action={`/admin/holidays/${holiday.id}/delete`}>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <button type="submit" class="secondary">
          {t('holidays.remove')}
        </button>
      </form>
      <p>
        <a href={`/admin/holidays?year=${holiday.date.slice(0, 4)}`}>{t('holidays.back')}</a>
      </p>
    </Layout>
  );
}
