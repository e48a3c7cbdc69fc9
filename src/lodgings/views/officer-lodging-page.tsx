import { formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { LodgingMember } from '../get-lodging.ts';
import type { Lodging } from '../schema.ts';
import { stepsWithReason, type LodgingStep } from '../workflow.ts';

type Props = {
  ctx: PageContext;
  lodging: Lodging;
  place: string;
  members: LodgingMember[];
  history: { type: string; at: Date; note: string | null }[];
  steps: LodgingStep[];
  state: FormState & { step?: string };
  requestId: string;
};

/** One lodging as the office sees it: what was registered, its history, and the steps the workflow allows now. */
export function OfficerLodgingPage({ ctx, lodging, place, members, history, steps, state, requestId }: Props) {
  const { t, lang } = ctx;
  const facts: [string, string][] = [
    ['lodgings.intake.lodging.status', t(`lodgings.intake.statuses.${lodging.status}`)],
    ['lodgings.intake.fields.kind', t(`lodgings.intake.kinds.${lodging.kind}`)],
    ['lodgings.intake.fields.licenceNumber', lodging.licenceNumber ?? '—'],
    ['lodgings.intake.fields.address', `${lodging.address}, ${place}`],
    ['lodgings.intake.fields.personInCharge', lodging.personInCharge],
    ['lodgings.intake.fields.phone', lodging.phone],
    ['lodgings.intake.fields.email', lodging.email],
    ['lodgings.intake.lodging.office', lodging.unitCode],
  ];
  return (
    <Layout ctx={ctx} title={lodging.name} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/lodgings/verification">{t('lodgings.intake.officer.title')}</a>
      </p>
      <h1>{lodging.name}</h1>
      <dl>
        {facts.map(([label, value]) => (
          <>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </>
        ))}
        <dt>{t('lodgings.intake.lodging.members')}</dt>
        <dd>{members.map((m) => `${m.name} (${m.email})`).join(', ')}</dd>
      </dl>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ reason: t('lodgings.intake.fields.reason') }} />
      {steps.map((step) => (
        <Form
          key={step}
          ctx={ctx}
          action={`/officer/lodgings/verification/${lodging.id}/actions`}
          submit={t(`lodgings.intake.officer.steps.${step}`)}
        >
          <input type="hidden" name="step" value={step} />
          <input type="hidden" name="requestId" value={`${requestId}-${step}`} />
          {stepsWithReason.includes(step) && (
            <Field
              name="reason"
              label={`${t(`lodgings.intake.officer.steps.${step}`)}: ${t('lodgings.intake.fields.reason')}`}
              state={state.step === step ? state : {}}
            />
          )}
        </Form>
      ))}
      <h2>{t('lodgings.intake.lodging.history')}</h2>
      <ul>
        {history.map((h, i) => (
          <li key={i}>
            {formatDateTime(lang, h.at)}: {t(`lodgings.intake.history.${h.type}`)}
            {h.note ? ` (${h.note})` : ''}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
