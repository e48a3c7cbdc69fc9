import type { FormState } from '../../platform/views/form.tsx';

/** Checkboxes under one name (a form without JavaScript sends each ticked one), with the field's error. */
export function Choices({
  name,
  legend,
  state,
  options,
}: {
  name: string;
  legend: string;
  state: FormState;
  options: { value: string; label: string }[];
}) {
  const sent = state.values?.[name];
  const ticked = new Set(Array.isArray(sent) ? sent.map(String) : typeof sent === 'string' ? [sent] : []);
  const error = state.errors?.[name];
  return (
    <fieldset id={`f-${name}`} class={error ? 'field has-error' : 'field'}>
      <legend>{legend}</legend>
      {error && <p class="error">{error}</p>}
      {options.map((o, i) => (
        <div key={o.value} class="checkbox">
          <input type="checkbox" id={`f-${name}-${i}`} name={name} value={o.value} checked={ticked.has(o.value)} />
          <label for={`f-${name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
