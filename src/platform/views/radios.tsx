import type { FormState } from './form.tsx';

type Props = {
  name: string;
  legend: string;
  state: FormState;
  options: { value: string; label: string }[];
  hint?: string;
};

/** A group of radio buttons with the same error and hint wiring as the platform's fields (summary links to f-<name>). */
export function Radios({ name, legend, state, options, hint }: Props) {
  const id = `f-${name}`;
  const error = state.errors?.[name];
  const value = state.values?.[name];
  const chosen =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} class={error ? 'field has-error' : 'field'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {options.map((o) => (
        <label key={o.value} class="check" for={`${id}-${o.value}`}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={name}
            value={o.value}
            checked={chosen === o.value}
            aria-invalid={error ? 'true' : undefined}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
