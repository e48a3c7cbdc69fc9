import type { Actor } from '../auth/actor.ts';
import type { Lang, T } from '../i18n/index.ts';

/** What every page needs to render the shared layout, built once per request by the HTTP layer. */
export type PageContext = {
  t: T;
  lang: Lang;
  actor: Actor | null;
  csrf: string;
  /** Current path with query, for the language switch to come back to. */
  path: string;
  assets: { css: string; htmx: string };
};
