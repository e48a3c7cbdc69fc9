import { formatCalendarDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { passStatusOn } from '../find-pass-for-crossing.ts';
import type { PassHistoryEntry } from '../get-border-pass.ts';
import type { BorderPass } from '../schema.ts';
import { actionSteps, type PassStep } from '../workflow.ts';

type Props = {
  ctx: PageContext;
  pass: BorderPass;
  place: string;
  history: PassHistoryEntry[];
  steps: PassStep[];
  today: string;
  state: FormState & { step?: string };
  requestId: string;
};

/** One pass as its office sees it: the holder, the card, its history, and the steps its status allows now. */
export function PassPage({ ctx, pass, place, history, steps, today, state, requestId }: Props) {
  const { t, lang } = ctx;
  const base = `/officer/units/${pass.unitCode}/border-passes`;
  const facts: [string, string][] = [
    ['status', t(`borderPasses.statuses.${passStatusOn(pass, today)}`)],
    ['nik', pass.nik],
    ['fullName', pass.fullName],
    ['birthPlace', pass.birthPlace],
    ['birthDate', formatCalendarDate(lang, pass.birthDate)],
    ['sex', t(`borderPasses.sexes.${pass.sex}`)],
    ['address', `${pass.address}, ${place}`],
    ['endorsementNumber', `${pass.endorsementNumber} (${formatCalendarDate(lang, pass.endorsementDate)})`],
    ['channel', t(`borderPasses.channels.${pass.channel}`)],
    ['issuedOn', formatCalendarDate(lang, pass.issuedOn)],
    ['validUntil', formatCalendarDate(lang, pass.validUntil)],
  ];
  const link = (id: string | null, label: string) =>
    id && (
      <p>
        <a href={`${base}/${id}`}>{label}</a>
      </p>
    );
  return (
    <Layout ctx={ctx} title={pass.number} hasErrors={!!state.errors}>
      <p>
        <a href={base}>{t('borderPasses.title')}</a>
      </p>
      <h1>
        {t('borderPasses.title')} {pass.number}
      </h1>
      <dl>
        {facts.map(([key, value]) => (
          <>
            <dt>{t(`borderPasses.fields.${key}`)}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {link(pass.replacesId, t('borderPasses.fields.replaces'))}
      {link(pass.replacedById, t('borderPasses.fields.replacedBy'))}
      <ul>
        <li>
          <a href={`${base}/${pass.id}/card.pdf`}>{t('borderPasses.pass.card')}</a>
        </li>
        {steps.includes('renew') && (
          <li>
            <a href={`${base}/new?replaces=${pass.id}&step=renew`}>{t('borderPasses.pass.renew')}</a>
          </li>
        )}
        {steps.includes('replace_lost') && (
          <li>
            <a href={`${base}/new?replaces=${pass.id}&step=replace_lost`}>{t('borderPasses.pass.replaceLost')}</a>
          </li>
        )}
      </ul>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ reason: t('borderPasses.fields.reason') }} />
      {actionSteps
        .filter((step) => steps.includes(step))
        .map((step) => (
          <Form
            key={step}
            ctx={ctx}
            action={`${base}/${pass.id}/actions`}
            submit={t(`borderPasses.pass.steps.${step}`)}
          >
            <input type="hidden" name="step" value={step} />
            <input type="hidden" name="requestId" value={`${requestId}-${step}`} />
            <Field
              name="reason"
              label={`${t(`borderPasses.pass.steps.${step}`)}: ${t('borderPasses.fields.reason')}`}
              hint={t(`borderPasses.pass.reasonHints.${step}`)}
              state={state.step === step ? state : {}}
            />
          </Form>
        ))}
      <h2>{t('borderPasses.pass.history')}</h2>
      <ul>
        {history.map((h, i) => (
          <li key={i}>
            {formatDateTime(lang, h.at)}: {t(`borderPasses.history.${h.type}`)}
            {h.officerName ? ` — ${h.officerName}` : ''}
            {h.note ? ` (${h.note})` : ''}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
