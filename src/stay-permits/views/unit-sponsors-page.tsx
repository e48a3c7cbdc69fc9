import type { PageContext } from '../../platform/views/context.ts';
import { formatDateTime } from '../../platform/i18n/format.ts';
import { ErrorSummary, Field, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import type { Sponsor } from '../schema.ts';

type Props = {
  ctx: PageContext;
  unit: { code: string; name: string };
  sponsors: Sponsor[];
  state: FormState & { id?: string };
};

function DecisionForm({ ctx, sponsor, state }: { ctx: PageContext; sponsor: Sponsor; state: FormState }) {
  const { t } = ctx;
  return (
    <form method="post" action={`/officer/sponsors/${sponsor.id}/decision`} novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <Radios
        name="decision"
        legend={`${t('stayPermits.fields.decision')}: ${sponsor.name}`}
        state={state}
        options={[
          { value: 'verified', label: t('stayPermits.sponsorsPage.verify') },
          { value: 'refused', label: t('stayPermits.sponsorsPage.refuse') },
        ]}
      />
      <Field name="note" label={t('stayPermits.fields.note')} state={state} />
      <button type="submit">{t('stayPermits.sponsorsPage.decide')}</button>
    </form>
  );
}

function SponsorFacts({ ctx, s }: { ctx: PageContext; s: Sponsor }) {
  const { t } = ctx;
  return (
    <p>
      <strong>{s.name}</strong> — {t(`stayPermits.sponsorKinds.${s.kind}`)} {s.registrationNumber}; {s.address};{' '}
      {s.phone}; {s.email}; {t('stayPermits.fields.declaration')}: {formatDateTime(ctx.lang, s.declaredAt)}
    </p>
  );
}

/** An office's sponsor registrations: those waiting with a decision form each, then those decided. */
export function UnitSponsorsPage({ ctx, unit, sponsors, state }: Props) {
  const { t } = ctx;
  const title = t('stayPermits.sponsorsPage.title', { unit: unit.name });
  const pending = sponsors.filter((s) => s.status === 'pending');
  const decided = sponsors.filter((s) => s.status !== 'pending');
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <p>
        <a href={`/officer/units/${unit.code}/stay-permits`}>{t('stayPermits.permit.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('stayPermits.sponsorsPage.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{}} />
      <h2>{t('stayPermits.sponsorsPage.pending')}</h2>
      {pending.length === 0 && <p>{t('stayPermits.sponsorsPage.none')}</p>}
      {pending.map((s) => (
        <section key={s.id} class="card">
          <SponsorFacts ctx={ctx} s={s} />
          <DecisionForm ctx={ctx} sponsor={s} state={state.id === s.id ? state : {}} />
        </section>
      ))}
      <h2>{t('stayPermits.sponsorsPage.others')}</h2>
      {decided.length === 0 && <p>{t('stayPermits.sponsorsPage.none')}</p>}
      <ul class="plain">
        {decided.map((s) => (
          <li key={s.id}>
            {s.name} ({s.registrationNumber}) — {t(`stayPermits.sponsorStatuses.${s.status}`)}
            {s.decisionNote ? `: ${s.decisionNote}` : ''}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
