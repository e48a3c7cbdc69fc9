import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { formatCalendarDate } from '../../platform/i18n/index.ts';
import type { Unit } from '../schema.ts';
import type { UnitRoadmap } from '../unit-roadmap.ts';
import type { MilestoneStep, StateStep } from '../workflow.ts';
import { milestoneStatusText, milestoneTarget, RoadmapSection } from './roadmap-section.tsx';

/** Which form a failed post came from: 'state', 'milestone' (a new one) or a milestone's id. */
export type RoadmapForms = Record<string, FormState>;

type Props = {
  ctx: PageContext;
  unit: Unit;
  roadmap: UnitRoadmap;
  stateSteps: StateStep[];
  milestoneSteps: Map<string, MilestoneStep[]>;
  forms: RoadmapForms;
  today: string;
  requestId: string;
};

const labels = (ctx: PageContext, step: string): Record<string, string> => ({
  step,
  effectiveOn: ctx.t('units.effectiveOn'),
  note: ctx.t('units.note'),
  title: ctx.t('units.milestoneTitle'),
  targetDate: ctx.t('units.targetDate'),
  targetQuarter: ctx.t('units.targetQuarter'),
  on: ctx.t('units.on'),
});

/** Each form's field id prefix: the page holds the state form, a milestone form per milestone and the new one. */
const idPrefixOf = (form: string) => (form === 'state' ? 'f-' : form === 'milestone' ? 'f-new-' : `f-${form}-`);

/**
 * The failed form's error summary, at the top whether or not that form is still offered (a step refused because the
 * state or the milestone moved on meanwhile): linked to the fields when it is, the messages alone when it is not.
 */
function FailedFormSummary({ ctx, forms, offered }: { ctx: PageContext; forms: RoadmapForms; offered: Set<string> }) {
  const failed = Object.entries(forms).find(([, f]) => f.errors);
  if (!failed) return null;
  const [form, { errors }] = failed;
  const step = ctx.t(form === 'state' ? 'units.changeState' : 'units.step');
  return (
    <ErrorSummary
      ctx={ctx}
      errors={errors}
      labels={offered.has(form) ? labels(ctx, step) : {}}
      idPrefix={idPrefixOf(form)}
    />
  );
}

/** An officer's page for a unit's state and roadmap: only the steps the workflow and the policy allow are offered. */
export function RoadmapAdminPage({ ctx, unit, roadmap, stateSteps, milestoneSteps, forms, today, requestId }: Props) {
  const { t } = ctx;
  const stateForm = forms.state ?? { values: { effectiveOn: today } };
  const newForm = forms.milestone ?? { values: {} };
  const hasErrors = Object.values(forms).some((f) => !!f.errors);
  const actionable = roadmap.milestones.filter((m) => (milestoneSteps.get(m.id) ?? []).length > 0);
  const offered = new Set(['milestone', ...actionable.map((m) => m.id), ...(stateSteps.length > 0 ? ['state'] : [])]);
  const notice = ctx.path.includes('saved=1');
  return (
    <Layout ctx={ctx} title={t('units.roadmapAdminTitle', { name: unit.name })} hasErrors={hasErrors}>
      {notice && (
        <p class="notice" role="status">
          {t('units.saved')}
        </p>
      )}
      <h1>{t('units.roadmapAdminTitle', { name: unit.name })}</h1>
      <FailedFormSummary ctx={ctx} forms={forms} offered={offered} />
      <p>
        {t('units.state')}: <strong>{t(`unitStates.${unit.state}`)}</strong>
        {unit.stateSince && ` ${t('units.since', { date: formatCalendarDate(ctx.lang, unit.stateSince) })}`} ·{' '}
        <a href={`/units/${unit.code}`}>{t('units.publicPage')}</a>
      </p>
      <h2 id="state">{t('units.changeState')}</h2>
      {stateSteps.length === 0 ? (
        <p>{t('units.noStateSteps')}</p>
      ) : (
        <PostForm ctx={ctx} action={`/admin/units/${unit.code}/state`} submit={t('units.changeState')}>
          <input type="hidden" name="requestId" value={`${requestId}-state`} />
          <SelectField
            name="step"
            label={t('units.step')}
            state={stateForm}
            options={stateSteps.map((step) => ({ value: step, label: t(`units.steps.${step}`) }))}
          />
          <Field name="effectiveOn" type="date" label={t('units.effectiveOn')} state={stateForm} required />
          <TextArea name="note" label={t('units.note')} hint={t('units.stateNoteHint')} state={stateForm} />
        </PostForm>
      )}
      <h2 id="milestones">{t('units.milestonesTitle')}</h2>
      {actionable.map((m) => {
        const form = forms[m.id] ?? { values: { on: today } };
        return (
          <section key={m.id} id={`m-${m.id}-form`}>
            <h3>{m.title}</h3>
            <p>
              {t('units.target')}: {milestoneTarget(ctx, m)} · {milestoneStatusText(ctx, m)}
            </p>
            <MilestoneActionForm
              ctx={ctx}
              action={`/admin/units/${unit.code}/milestones/${m.id}`}
              id={m.id}
              steps={milestoneSteps.get(m.id) ?? []}
              form={form}
              requestId={`${requestId}-${m.id.slice(0, 8)}`}
            />
          </section>
        );
      })}
      <h3>{t('units.addMilestone')}</h3>
      <PostForm ctx={ctx} action={`/admin/units/${unit.code}/milestones`} submit={t('units.addMilestone')}>
        <input type="hidden" name="requestId" value={`${requestId}-new`} />
        <Field name="title" label={t('units.milestoneTitle')} state={newForm} idPrefix="f-new-" required />
        <Field name="targetDate" type="date" label={t('units.targetDate')} state={newForm} idPrefix="f-new-" />
        <Field
          name="targetQuarter"
          label={t('units.targetQuarter')}
          hint={t('units.targetQuarterHint')}
          state={newForm}
          idPrefix="f-new-"
        />
        <TextArea name="note" label={t('units.note')} state={newForm} idPrefix="f-new-" />
      </PostForm>
      <RoadmapSection ctx={ctx} roadmap={roadmap} />
    </Layout>
  );
}

type ActionProps = {
  ctx: PageContext;
  action: string;
  id: string;
  steps: MilestoneStep[];
  form: FormState;
  requestId: string;
};

/** One milestone's step form; its fields' ids carry the milestone's, as the page has one such form per milestone. */
function MilestoneActionForm({ ctx, action, id, steps, form, requestId }: ActionProps) {
  const { t } = ctx;
  const v = form.values ?? {};
  const field = (name: string) => `f-${id}-${name}`;
  return (
    <PostForm ctx={ctx} action={action} submit={t('units.saveMilestone')}>
      <input type="hidden" name="requestId" value={requestId} />
      <div class="field">
        <label for={field('step')}>{t('units.step')}</label>
        <select id={field('step')} name="step">
          {steps.map((s) => (
            <option key={s} value={s} selected={v.step === s}>
              {t(`units.milestoneSteps.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class={form.errors?.on ? 'field has-error' : 'field'}>
        <label for={field('on')}>{t('units.on')}</label>
        {form.errors?.on && <p class="error">{form.errors.on}</p>}
        <input id={field('on')} name="on" type="date" value={typeof v.on === 'string' ? v.on : ''} required />
      </div>
      <div class={form.errors?.note ? 'field has-error' : 'field'}>
        <label for={field('note')}>{t('units.note')}</label>
        {form.errors?.note && <p class="error">{form.errors.note}</p>}
        <textarea id={field('note')} name="note" rows={2}>
          {typeof v.note === 'string' ? v.note : ''}
        </textarea>
      </div>
    </PostForm>
  );
}
