import { formText } from '../../platform/http/fields.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { activityKinds, selectionReasons } from '../schema.ts';
import type { ActivityStep } from '../workflow.ts';

const chosen = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(formText) : typeof value === 'string' ? [value] : [];

/** A group of checkboxes wired like the platform's fields (the summary links to f-<name>). */
function Boxes(props: {
  name: string;
  legend: string;
  state: FormState;
  options: { value: string; label: string }[];
  hint?: string;
}) {
  const { name, legend, state, options, hint } = props;
  const error = state.errors?.[name];
  const on = chosen(state.values?.[name]);
  return (
    <fieldset id={`f-${name}`} class={error ? 'field has-error' : 'field'}>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      {error && <p class="error">{error}</p>}
      {options.map((o) => (
        <label key={o.value} class="check" for={`f-${name}-${o.value}`}>
          <input
            type="checkbox"
            id={`f-${name}-${o.value}`}
            name={name}
            value={o.value}
            checked={on.includes(o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ReasonBoxes({ ctx, state }: { ctx: PageContext; state: FormState }) {
  return (
    <Boxes
      name="reasons"
      legend={ctx.t('adoptedVillages.fields.reasons')}
      state={state}
      options={selectionReasons.map((r) => ({ value: r, label: ctx.t(`adoptedVillages.reasons.${r}`) }))}
    />
  );
}

const activityLabels = ({ t }: PageContext) => ({
  kind: t('adoptedVillages.village.kind'),
  heldOn: t('adoptedVillages.village.heldOn'),
  topics: t('adoptedVillages.village.topics'),
  officerIds: t('adoptedVillages.village.officersOnDuty'),
  peopleReached: t('adoptedVillages.village.peopleReached'),
  note: t('adoptedVillages.village.note'),
});

type PlanProps = {
  ctx: PageContext;
  action: string;
  state: FormState;
  officers: { id: string; name: string }[];
  requestId: string;
};

/** Plan an activity (or record one already held) and put its officers on the roster. */
export function PlanForm({ ctx, action, state, officers, requestId }: PlanProps) {
  const { t } = ctx;
  return (
    <>
      <h2>{t('adoptedVillages.village.planTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={activityLabels(ctx)} />
      <PostForm ctx={ctx} action={action} submit={t('adoptedVillages.village.plan')}>
        <input type="hidden" name="requestId" value={requestId} />
        <SelectField
          name="kind"
          label={t('adoptedVillages.village.kind')}
          state={state}
          options={activityKinds.map((k) => ({ value: k, label: t(`adoptedVillages.kinds.${k}`) }))}
        />
        <Field name="heldOn" type="date" label={t('adoptedVillages.village.heldOn')} state={state} />
        <TextArea
          name="topics"
          label={t('adoptedVillages.village.topics')}
          hint={t('adoptedVillages.village.topicsHint')}
          state={state}
        />
        <Boxes
          name="officerIds"
          legend={t('adoptedVillages.village.officersOnDuty')}
          hint={t('adoptedVillages.village.officersHint')}
          state={state}
          options={officers.map((o) => ({ value: o.id, label: o.name }))}
        />
        <Field
          name="peopleReached"
          label={t('adoptedVillages.village.peopleReached')}
          hint={t('adoptedVillages.village.peopleHint')}
          inputmode="numeric"
          state={state}
        />
        <TextArea name="note" label={t('adoptedVillages.village.note')} state={state} />
      </PostForm>
    </>
  );
}

type StepProps = { ctx: PageContext; action: string; steps: ActivityStep[]; state: FormState; requestId: string };

/** The forms the workflow allows on one activity: mark held (with the people reached), cancel. */
export function ActivityStepForms({ ctx, action, steps, state, requestId }: StepProps) {
  const { t } = ctx;
  return (
    <>
      {steps.includes('held') && (
        <details open={!!state.errors}>
          <summary>{t('adoptedVillages.village.heldTitle')}</summary>
          <ErrorSummary ctx={ctx} errors={state.errors} labels={activityLabels(ctx)} />
          <PostForm ctx={ctx} action={action} submit={t('adoptedVillages.village.markHeld')}>
            <input type="hidden" name="step" value="held" />
            <input type="hidden" name="requestId" value={requestId} />
            <Field
              name="peopleReached"
              label={t('adoptedVillages.village.peopleReached')}
              inputmode="numeric"
              state={state}
            />
            <TextArea
              name="topics"
              label={t('adoptedVillages.village.topics')}
              hint={t('adoptedVillages.village.topicsHint')}
              state={state}
            />
            <TextArea name="note" label={t('adoptedVillages.village.note')} state={state} />
          </PostForm>
        </details>
      )}
      {steps.includes('cancel') && (
        <PostForm ctx={ctx} action={action} submit={t('adoptedVillages.village.cancel')}>
          <input type="hidden" name="step" value="cancel" />
          <input type="hidden" name="requestId" value={`${requestId}-c`} />
        </PostForm>
      )}
    </>
  );
}
