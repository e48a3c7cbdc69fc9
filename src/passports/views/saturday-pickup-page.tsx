import { Radios } from '../../platform/views/radios.tsx';
import { formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { PickupChoice } from '../saturday-slots.ts';

type Props = {
  ctx: PageContext;
  applicationId: string;
  unitName: string;
  open: boolean;
  current: string | null;
  choices: PickupChoice[];
  state: FormState;
};

/** The applicant's si Koe TOS page: the Saturday chosen, and the coming Saturdays with room to choose from. */
export function SaturdayPickupPage({ ctx, applicationId, unitName, open, current, choices, state }: Props) {
  const { t, lang } = ctx;
  const title = t('passports.pickup.title');
  const free = choices.filter((c) => c.remaining > 0);
  const full = choices.filter((c) => c.remaining <= 0);
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      {ctx.path.includes('saved=1') && (
        <p class="notice" role="status">
          {t('passports.pickup.saved')}
        </p>
      )}
      <p>{t('passports.pickup.lead', { unit: unitName })}</p>
      {current && <p>{t('passports.pickup.current', { date: formatDay(lang, current) })}</p>}
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ date: t('passports.pickup.choose') }} />
      {!open ? (
        <p>{t('passports.pickup.notYet')}</p>
      ) : free.length === 0 ? (
        <p>{t('passports.pickup.none')}</p>
      ) : (
        <Form ctx={ctx} action={`/applications/${applicationId}/saturday-pickup`} submit={t('passports.pickup.save')}>
          <Radios
            name="date"
            legend={t('passports.pickup.choose')}
            state={state.values ? state : { values: { date: current ?? '' } }}
            options={free.map((c) => ({
              value: c.date,
              label: t('passports.pickup.remaining', { date: formatDay(lang, c.date), remaining: c.remaining }),
            }))}
          />
        </Form>
      )}
      {open && full.length > 0 && (
        <ul>
          {full.map((c) => (
            <li key={c.date}>{t('passports.pickup.full', { date: formatDay(lang, c.date) })}</li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/applications/${applicationId}`}>{t('passports.pickup.back')}</a>
      </p>
    </Layout>
  );
}
