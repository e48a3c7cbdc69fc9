import type { PageContext } from '../../platform/views/context.ts';
import type { FormState } from '../../platform/views/form.tsx';

/** Checkboxes for a list of ids (officers, kits); the chosen ones stay ticked when the form comes back. */
export function CheckboxList({
  name,
  legend,
  options,
  state,
}: {
  name: string;
  legend: string;
  options: { id: string; label: string }[];
  state: FormState;
}) {
  const raw = state.values?.[name];
  const chosen = new Set(Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : []);
  const error = state.errors?.[name];
  return (
    <fieldset id={`f-${name}`} class={error ? 'field has-error' : 'field'}>
      <legend>{legend}</legend>
      {error && <p class="error">{error}</p>}
      {options.map((o) => (
        <div key={o.id}>
          <input type="checkbox" id={`${name}-${o.id}`} name={name} value={o.id} checked={chosen.has(o.id)} />{' '}
          <label for={`${name}-${o.id}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Row errors of a participant list (`participants:<line>`), in line order, each with its line number. */
export function rowErrors(
  ctx: PageContext,
  errors: Record<string, string> | undefined,
): { line: number; message: string }[] {
  return Object.entries(errors ?? {})
    .filter(([k]) => k.startsWith('participants:'))
    .map(([k, message]) => ({ line: Number(k.slice('participants:'.length)), message }))
    .sort((a, b) => a.line - b.line)
    .map((r) => ({ ...r, message: `${ctx.t('outreach.rows.line', { line: r.line })}: ${r.message}` }));
}
