import type { CrossingPoint } from '../../crossing-points/get-crossing-point.ts';
import { formatCalendarDate, formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { measureTypes, type EnforcementMeasure, type MeasureType } from '../schema.ts';
import type { CaseView } from '../view-case.ts';
import type { CaseStep } from '../workflow.ts';

type Props = { ctx: PageContext; view: CaseView; points: CrossingPoint[]; form: FormState; requestId: string };

const fieldNames = [
  'file',
  'examinedOn',
  'examiner',
  'place',
  'statement',
  'opinion',
  'measure',
  'decisionNumber',
  'decidedOn',
  'permitId',
  'measureId',
  'note',
  'reason',
  'departOn',
  'carrier',
  'ticketNumber',
  'flightOrVessel',
  'crossingPointCode',
  'escorts',
  'embassy',
  'letterNumber',
];

function Fact({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Facts({ ctx, view }: Pick<Props, 'ctx' | 'view'>) {
  const { t, lang } = ctx;
  const c = view.case;
  const doc = view.person.documents.at(-1);
  return (
    <dl class="facts">
      <Fact label={t('enforcement.page.person')}>
        {view.person.surname}, {view.person.givenNames} ({view.person.nationality}),{' '}
        {formatCalendarDate(lang, view.person.birthDate)}
      </Fact>
      <Fact label={t('enforcement.page.document')}>{doc ? `${doc.nationality} ${doc.number}` : '—'}</Fact>
      <Fact label={t('enforcement.page.source')}>
        {t(`enforcement.sources.${c.sourceKind}`)}: {c.sourceRef}
      </Fact>
      <Fact label={t('enforcement.status')}>{t(`enforcement.statuses.${c.status}`)}</Fact>
      <Fact label={t('enforcement.page.grounds')}>{c.grounds}</Fact>
      {c.examinedOn && (
        <Fact label={t('enforcement.page.bap')}>
          {formatCalendarDate(lang, c.examinedOn)}, {c.examiner}, {c.examinationPlace}: {c.statement}
        </Fact>
      )}
      {c.bapKey && (
        <Fact label={t('enforcement.page.bapFile')}>
          <a href={`/officer/enforcement/cases/${c.id}/bap.pdf`}>{t('enforcement.page.bapFile')}</a>
        </Fact>
      )}
      {c.opinion && <Fact label={t('enforcement.page.opinion')}>{c.opinion}</Fact>}
      {c.proposed && (
        <Fact label={t('enforcement.page.proposed')}>
          {c.proposed.map((m) => t(`enforcement.measures.${m}`)).join('; ')}
        </Fact>
      )}
      {c.decisionNumber && (
        <Fact label={t('enforcement.page.decision')}>
          {c.decisionNumber}, {c.decidedOn ? formatCalendarDate(lang, c.decidedOn) : ''}
        </Fact>
      )}
      {c.closingNote && <Fact label={t('enforcement.fields.note')}>{c.closingNote}</Fact>}
    </dl>
  );
}

function Measure({ ctx, m }: { ctx: PageContext; m: EnforcementMeasure }) {
  const { t, lang } = ctx;
  return (
    <li>
      <strong>{t(`enforcement.measures.${m.type}`)}</strong> — {m.basis}
      {m.detail ? `; ${m.detail}` : ''}
      {m.watchlistEntryId && m.validUntil
        ? `; ${t('enforcement.page.listed', { until: formatCalendarDate(lang, m.validUntil) })}`
        : ''}
      {'; '}
      {m.executedAt
        ? t('enforcement.page.executed', { on: formatDateTime(lang, m.executedAt) })
        : t('enforcement.page.pending')}
    </li>
  );
}

function DecideForm({ ctx, view, state }: { ctx: PageContext; view: CaseView; state: FormState }) {
  const { t } = ctx;
  const proposed = new Set<MeasureType>(view.case.proposed ?? []);
  // Deportation is usually followed by an entry ban: the form proposes it; the head decides.
  if (proposed.has('deportation')) proposed.add('listing');
  const chosen = state.values?.measure;
  const checked = (m: MeasureType) =>
    chosen === undefined ? proposed.has(m) : Array.isArray(chosen) ? chosen.includes(m) : chosen === m;
  const permits = view.permits.filter((p) => p.status === 'active');
  return (
    <>
      <Field name="decisionNumber" label={t('enforcement.fields.decisionNumber')} state={state} />
      <Field name="decidedOn" type="date" label={t('enforcement.fields.decidedOn')} state={state} />
      <p class="hint">{t('enforcement.page.suggestBan')}</p>
      <fieldset id="f-measure">
        <legend>{t('enforcement.fields.measure')}</legend>
        {measureTypes.map((m) => (
          <div key={m} class="measure">
            <label>
              <input type="checkbox" name="measure" value={m} checked={checked(m)} /> {t(`enforcement.measures.${m}`)}
            </label>
            <Field name={`basis_${m}`} label={t('enforcement.fields.basis')} state={state} />
            {m !== 'listing' && m !== 'permit' && m !== 'deportation' && (
              <Field name={`detail_${m}`} label={t('enforcement.fields.detail')} state={state} />
            )}
            {(m === 'listing' || m === 'place_ban' || m === 'residence' || m === 'permit') && (
              <Field
                name={`until_${m}`}
                type="date"
                label={t('enforcement.fields.until')}
                hint={
                  m === 'listing'
                    ? t('enforcement.page.untilHint')
                    : m === 'permit'
                      ? t('enforcement.page.permitUntilHint')
                      : undefined
                }
                state={state}
              />
            )}
            {m === 'permit' && (
              <SelectField
                name="permitId"
                label={t('enforcement.fields.permitId')}
                state={state}
                options={[
                  { value: '', label: '—' },
                  ...permits.map((p) => ({
                    value: p.id,
                    label: `${p.type.toUpperCase()} ${p.validFrom} – ${p.validUntil}`,
                  })),
                ]}
              />
            )}
          </div>
        ))}
      </fieldset>
    </>
  );
}

function DeportationFields({ ctx, points, state }: { ctx: PageContext; points: CrossingPoint[]; state: FormState }) {
  const { t } = ctx;
  return (
    <>
      <Field name="departOn" type="date" label={t('enforcement.fields.departOn')} state={state} />
      <Field name="carrier" label={t('enforcement.fields.carrier')} state={state} />
      <Field name="ticketNumber" label={t('enforcement.fields.ticketNumber')} state={state} />
      <Field name="flightOrVessel" label={t('enforcement.fields.flightOrVessel')} state={state} />
      <SelectField
        name="crossingPointCode"
        label={t('enforcement.fields.crossingPointCode')}
        state={state}
        options={points.map((p) => ({ value: p.code, label: `${p.name} (${p.unitCode})` }))}
      />
      <TextArea name="escorts" label={t('enforcement.fields.escorts')} state={state} />
      <Field name="embassy" label={t('enforcement.fields.embassy')} state={state} />
      <Field name="letterNumber" label={t('enforcement.fields.letterNumber')} state={state} />
    </>
  );
}

function StepForm({ ctx, view, points, form, requestId, step }: Props & { step: CaseStep }) {
  const { t } = ctx;
  const action = `/officer/enforcement/cases/${view.case.id}/actions`;
  const state = form.values?.step === step ? form : {};
  const hidden = (
    <>
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="requestId" value={`${requestId}-${step}`} />
    </>
  );
  if (step === 'attachBap')
    return (
      <section aria-labelledby="step-attachBap">
        <h3 id="step-attachBap">{t('enforcement.steps.attachBap')}</h3>
        <PostForm
          ctx={ctx}
          action={`/officer/enforcement/cases/${view.case.id}/bap`}
          submit={t('enforcement.steps.attachBap')}
          upload
        >
          <input type="hidden" name="requestId" value={`${requestId}-bap`} />
          <div class={form.errors?.file ? 'field has-error' : 'field'}>
            <label for="f-file">{t('enforcement.fields.file')}</label>
            {form.errors?.file && (
              <p class="error" id="f-file-error">
                {form.errors.file}
              </p>
            )}
            <input id="f-file" name="file" type="file" accept="application/pdf" />
          </div>
        </PostForm>
      </section>
    );
  if (step === 'execute')
    return (
      <>
        {view.measures
          .filter((m) => !m.executedAt)
          .map((m) => (
            <section key={m.id} aria-label={t(`enforcement.measures.${m.type}`)}>
              <h3>{t(`enforcement.measures.${m.type}`)}</h3>
              <PostForm ctx={ctx} action={action} submit={t('enforcement.steps.execute')}>
                <input type="hidden" name="step" value="execute" />
                <input type="hidden" name="requestId" value={`${requestId}-${m.id.slice(0, 8)}`} />
                <input type="hidden" name="measureId" value={m.id} />
                {m.type === 'deportation' && <DeportationFields ctx={ctx} points={points} state={state} />}
                <TextArea name="note" label={t('enforcement.fields.note')} state={state} />
              </PostForm>
            </section>
          ))}
      </>
    );
  return (
    <section aria-labelledby={`step-${step}`}>
      <h3 id={`step-${step}`}>{t(`enforcement.steps.${step}`)}</h3>
      <PostForm ctx={ctx} action={action} submit={t(`enforcement.steps.${step}`)}>
        {hidden}
        {step === 'examine' && (
          <>
            <Field name="examinedOn" type="date" label={t('enforcement.fields.examinedOn')} state={state} />
            <Field name="examiner" label={t('enforcement.fields.examiner')} state={state} />
            <Field name="place" label={t('enforcement.fields.place')} state={state} />
            <TextArea name="statement" label={t('enforcement.fields.statement')} state={state} rows={5} />
          </>
        )}
        {step === 'opine' && (
          <>
            <TextArea name="opinion" label={t('enforcement.fields.opinion')} state={state} rows={5} />
            <fieldset id="f-measure">
              <legend>{t('enforcement.page.proposed')}</legend>
              {measureTypes.map((m) => (
                <label key={m}>
                  <input type="checkbox" name="measure" value={m} /> {t(`enforcement.measures.${m}`)}
                </label>
              ))}
            </fieldset>
          </>
        )}
        {step === 'decide' && <DecideForm ctx={ctx} view={view} state={state} />}
        {step === 'close' && <TextArea name="note" label={t('enforcement.fields.note')} state={state} />}
        {step === 'withdraw' && <TextArea name="reason" label={t('enforcement.fields.reason')} state={state} />}
      </PostForm>
    </section>
  );
}

/** One case: the facts, the decided actions, the deportation and its letter, the history and the steps as forms. */
export function CasePage(props: Props) {
  const { ctx, view, form } = props;
  const { t, lang } = ctx;
  const labels = Object.fromEntries(fieldNames.map((k) => [k, t(`enforcement.fields.${k}`)]));
  const title = `${t('enforcement.title')}: ${view.person.surname}, ${view.person.givenNames}`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!form.errors}>
      <p>
        <a href="/officer/enforcement">{t('enforcement.page.back')}</a>
      </p>
      <h1>{title}</h1>
      <p class="notice">{t('enforcement.audited')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} labels={labels} />
      {view.overstayPaid && <p class="notice">{t('enforcement.page.paid')}</p>}
      <Facts ctx={ctx} view={view} />
      {view.measures.length > 0 && (
        <section aria-labelledby="measures-title">
          <h2 id="measures-title">{t('enforcement.page.measures')}</h2>
          <ul>
            {view.measures.map((m) => (
              <Measure key={m.id} ctx={ctx} m={m} />
            ))}
          </ul>
        </section>
      )}
      {view.deportation && (
        <section aria-labelledby="deportation-title">
          <h2 id="deportation-title">{t('enforcement.page.deportation')}</h2>
          <p>
            {formatCalendarDate(lang, view.deportation.departOn)}: {view.deportation.carrier}{' '}
            {view.deportation.flightOrVessel ?? ''} ({view.deportation.ticketNumber}),{' '}
            {view.deportation.crossingPointCode}; {view.deportation.escorts.join(', ')}; {view.deportation.embassy}
          </p>
          <p>
            <a href={`/officer/enforcement/cases/${view.case.id}/embassy-letter.pdf`}>{t('enforcement.page.letter')}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('enforcement.page.steps')}</h2>
        {view.steps.length === 0 && <p>{t('enforcement.page.noActions')}</p>}
        {view.steps.map((step) => (
          <StepForm key={step} {...props} step={step} />
        ))}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('enforcement.page.history')}</h2>
        <ol>
          {view.actions.map((a) => (
            <li key={a.id}>
              {formatDateTime(lang, a.at)}: {t(`enforcement.history.${a.type}`)}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
