import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { DescribedPermit } from '../describe-stay-permit.ts';
import { changeKinds } from '../schema.ts';
import { PermitDetails } from './permit-page.tsx';
import { holderName } from './permit-labels.tsx';

type Props = { ctx: PageContext; sponsorId: string; described: DescribedPermit; today: string; state: FormState };

/** One sponsored permit as its sponsor sees it, with the form to report a change (Pasal 63, 71). */
export function SponsorPermitPage({ ctx, sponsorId, described, today, state }: Props) {
  const { t } = ctx;
  const title = t('stayPermits.sponsor.reportTitle', { holder: holderName(described.holder) });
  const labels = { kind: t('stayPermits.fields.kind'), details: t('stayPermits.fields.details') };
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <p>
        <a href={`/sponsors/${sponsorId}`}>{described.sponsor?.name}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('stayPermits.sponsor.reportLead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form
        ctx={ctx}
        action={`/sponsors/${sponsorId}/permits/${described.permit.id}/changes`}
        submit={t('stayPermits.sponsor.reportSubmit')}
      >
        <SelectField
          name="kind"
          label={labels.kind}
          state={state}
          options={[
            { value: '', label: '—' },
            ...changeKinds.map((k) => ({ value: k, label: t(`stayPermits.changeKinds.${k}`) })),
          ]}
        />
        <TextArea name="details" label={labels.details} state={state} rows={4} />
      </Form>
      <PermitDetails
        ctx={ctx}
        described={described}
        today={today}
        permitHref={(id) => `/sponsors/${sponsorId}/permits/${id}`}
      />
    </Layout>
  );
}
