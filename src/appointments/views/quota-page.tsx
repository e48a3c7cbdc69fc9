import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { Unit } from '../../units/schema.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import { weekdays, witaInstant } from '../../platform/calendar/wita.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { isoWeekday } from '../capacity.ts';
import type { quotaOverview } from '../quota-overview.ts';
import { channels } from '../schema.ts';
import type { WeeklyQuota } from '../set-quota-template.ts';

type Overview = Awaited<ReturnType<typeof quotaOverview>>;
type Props = { ctx: PageContext; unit: Unit; overview: Overview; weeklyState: FormState; overrideState: FormState };

/** Form values of the weekly grid: one field per channel and ISO weekday, e.g. online_1 for Monday. */
export function weeklyValues(weekly: WeeklyQuota): Record<string, string> {
  return Object.fromEntries(
    channels.flatMap((c) => weekly[c].map((capacity, i) => [`${c}_${i + 1}`, String(capacity)])),
  );
}

function CapacityCell({ name, label, state }: { name: string; label: string; state: FormState }) {
  const id = `f-${name}`;
  const error = state.errors?.[name];
  const value = state.values?.[name];
  return (
    <td class={error ? 'has-error' : undefined}>
      <label class="visually-hidden" for={id}>
        {label}
      </label>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="number"
        min="0"
        max="10000"
        inputMode="numeric"
        value={typeof value === 'string' ? value : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </td>
  );
}

export function QuotaPage({ ctx, unit, overview, weeklyState, overrideState }: Props) {
  const { t, lang } = ctx;
  const day = (iso: number) => t(`weekdays.${weekdays[iso - 1]}`);
  const cellLabels = Object.fromEntries(
    channels.flatMap((c) =>
      weekdays.map((_, i) => [
        `${c}_${i + 1}`,
        t('counterDesk.quotas.cell', { channel: t(`counterDesk.channels.${c}`), day: day(i + 1) }),
      ]),
    ),
  );
  const overrideLabels = {
    date: t('counterDesk.quotas.date'),
    channel: t('counterDesk.quotas.channel'),
    capacity: t('counterDesk.quotas.capacity'),
  };
  const title = t('counterDesk.quotas.title', { unit: unit.name });
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!(weeklyState.errors ?? overrideState.errors)}>
      <h1>{title}</h1>
      {ctx.path.includes('saved=1') && (
        <p class="notice" role="status">
          {t('counterDesk.saved')}
        </p>
      )}
      <h2>{t('counterDesk.quotas.weeklyTitle')}</h2>
      <p class="hint">{t('counterDesk.quotas.weeklyLead')}</p>
      <ErrorSummary ctx={ctx} errors={weeklyState.errors} labels={cellLabels} />
      <Form ctx={ctx} action={`/officer/units/${unit.code}/quotas/weekly`} submit={t('counterDesk.quotas.saveWeekly')}>
        <ScrollRegion label={title}>
          <table class="quota-grid">
            <thead>
              <tr>
                <th scope="col">{t('counterDesk.quotas.channel')}</th>
                {weekdays.map((d) => (
                  <th key={d} scope="col">
                    {t(`weekdays.${d}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c}>
                  <th scope="row">{t(`counterDesk.channels.${c}`)}</th>
                  {weekdays.map((_, i) => (
                    <CapacityCell
                      key={i}
                      name={`${c}_${i + 1}`}
                      label={cellLabels[`${c}_${i + 1}`]!}
                      state={weeklyState}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Form>

      <h2>{t('counterDesk.quotas.overridesTitle')}</h2>
      <p class="hint">{t('counterDesk.quotas.overridesLead')}</p>
      {overview.overrides.length === 0 ? (
        <p>{t('counterDesk.quotas.none')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{overrideLabels.date}</th>
                <th scope="col">{overrideLabels.channel}</th>
                <th scope="col">{overrideLabels.capacity}</th>
                <th scope="col">{t('counterDesk.quotas.booked')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.overrides.map((o) => (
                <tr key={`${o.date}/${o.channel}`}>
                  <td>{`${day(isoWeekday(o.date))}, ${formatDate(lang, witaInstant(o.date))}`}</td>
                  <td>{t(`counterDesk.channels.${o.channel}`)}</td>
                  <td>{o.capacity}</td>
                  <td>{o.booked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ErrorSummary ctx={ctx} errors={overrideState.errors} labels={overrideLabels} />
      <Form ctx={ctx} action={`/officer/units/${unit.code}/quotas/dates`} submit={t('counterDesk.quotas.saveOverride')}>
        <Field name="date" label={overrideLabels.date} state={overrideState} type="date" required />
        <SelectField
          name="channel"
          label={overrideLabels.channel}
          state={overrideState}
          options={channels.map((c) => ({ value: c, label: t(`counterDesk.channels.${c}`) }))}
        />
        <Field
          name="capacity"
          label={overrideLabels.capacity}
          state={overrideState}
          type="number"
          inputmode="numeric"
          required
        />
      </Form>
    </Layout>
  );
}
