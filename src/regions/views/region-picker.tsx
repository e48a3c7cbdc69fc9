import type { PageContext } from '../../platform/views/context.ts';
import type { Region } from '../queries.ts';

export const regionLevels = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof regionLevels)[number];
export type RegionChoice = Partial<Record<RegionLevel, string>>;
export type RegionOptions = Partial<Record<RegionLevel, Region[]>>;

type Props = {
  ctx: PageContext;
  /** Field names are `${name}_province` … `${name}_village`. */
  name: string;
  legend: string;
  choice: RegionChoice;
  options: RegionOptions;
  error?: string;
};

/**
 * Four linked selects. Without JavaScript the "show choices" button resubmits the form, which renders the next
 * level's options; with htmx a change reloads just this fieldset from /regions/picker.
 */
export function RegionPicker({ ctx, name, legend, choice, options, error }: Props) {
  const { t } = ctx;
  return (
    <fieldset
      id={`f-${name}`}
      class={error ? 'field region-picker has-error' : 'field region-picker'}
      hx-get={`/regions/picker?name=${encodeURIComponent(name)}&legend=${encodeURIComponent(legend)}`}
      hx-trigger="change"
      hx-include="this"
      hx-target="this"
      hx-swap="outerHTML"
    >
      <legend>{legend}</legend>
      {error && <p class="error">{error}</p>}
      {regionLevels.map((level) => {
        const list = options[level];
        if (!list) return null;
        const id = `f-${name}_${level}`;
        return (
          <div class="field" key={level}>
            <label for={id}>{t(`regions.${level}`)}</label>
            <select id={id} name={`${name}_${level}`}>
              <option value="">{t('regions.choose')}</option>
              {list.map((r) => (
                <option key={r.code} value={r.code} selected={choice[level] === r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      <button type="submit" name="_refresh" value={name} class="secondary">
        {t('regions.refresh')}
      </button>
    </fieldset>
  );
}
