import type { FormState } from './form.tsx';

/** The field key of a step's text box: a page with several steps' forms needs an id per box. */
export const stepTextId = (step: string) => `text-${step}`;

/**
 * A step's text (sent as `text`), labelled, described and marked like `TextArea`, with an id per step, for pages that
 * show a form for each step a record's status allows (complaints, village tips, warnings).
 */
export function StepText({ step, label, state }: { step: string; label: string; state: FormState }) {
  const id = `f-${stepTextId(step)}`;
  const error = state.errors?.text;
  const value = state.values?.text;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea
        id={id}
        name="text"
        rows={3}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {typeof value === 'string' ? value : ''}
      </textarea>
    </div>
  );
}
