import { formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { PickupList } from '../pickup-list.ts';
import type { saturdayPickupSlots } from '../schema.ts';

type Slot = typeof saturdayPickupSlots.$inferSelect;

/** Head of office: the Saturday capacities from today on, a form to set one, and each Saturday's list. */
export function PickupCapacityPage({
  ctx,
  unit,
  slots,
  state,
}: {
  ctx: PageContext;
  unit: Unit;
  slots: Slot[];
  state: FormState;
}) {
  const { t, lang } = ctx;
  const title = t('passports.pickups.title', { unit: unit.name });
  const base = `/officer/units/${unit.code}/saturday-pickups`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      {ctx.path.includes('saved=1') && (
        <p class="notice" role="status">
          {t('passports.pickups.saved')}
        </p>
      )}
      <p>{t('passports.pickups.lead')}</p>
      <ErrorSummary
        ctx={ctx}
        errors={state.errors}
        labels={{ date: t('passports.pickups.date'), capacity: t('passports.pickups.capacity') }}
      />
      <Form ctx={ctx} action={base} submit={t('passports.pickups.save')}>
        <Field name="date" label={t('passports.pickups.date')} state={state} type="date" required />
        <Field
          name="capacity"
          label={t('passports.pickups.capacity')}
          state={state}
          type="number"
          inputmode="numeric"
          required
        />
      </Form>
      {slots.length === 0 ? (
        <p>{t('passports.pickups.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('passports.pickups.date')}</th>
              <th scope="col">{t('passports.pickups.capacity')}</th>
              <th scope="col">{t('passports.pickups.booked')}</th>
              <th scope="col">{t('passports.pickups.list')}</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((s) => (
              <tr key={s.date}>
                <td>{formatDay(lang, s.date)}</td>
                <td>{s.capacity}</td>
                <td>{s.booked}</td>
                <td>
                  <a href={`${base}/${s.date}`}>{t('passports.pickups.list')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The pickup desk's list for one Saturday. */
export function PickupListPage({
  ctx,
  unit,
  date,
  list,
}: {
  ctx: PageContext;
  unit: Unit;
  date: string;
  list: PickupList;
}) {
  const { t, lang } = ctx;
  const title = t('passports.pickups.listTitle', { date: formatDay(lang, date), unit: unit.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('passports.pickups.listSummary', { capacity: list.capacity, booked: list.booked })}</p>
      {list.rows.length === 0 ? (
        <p>{t('passports.pickups.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('passports.pickups.name')}</th>
              <th scope="col">{t('passports.pickups.code')}</th>
              <th scope="col">{t('passports.pickups.passport')}</th>
              <th scope="col">{t('passports.pickups.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.applicationId}>
                <td>{r.fullName}</td>
                <td>{r.trackingCode}</td>
                <td>{r.passportNumber ?? t('passports.pickups.noPassport')}</td>
                <td>{t(`applications.statuses.${r.applicationStatus}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
