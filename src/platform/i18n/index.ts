import i18next, { type TFunction } from 'i18next';
import { en } from './en.ts';
import { id } from './id.ts';
import type { Messages } from './messages.ts';

export const languages = ['id', 'en'] as const;
export type Lang = (typeof languages)[number];
export type T = TFunction;

const instance = i18next.createInstance();
void instance.init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: [...languages],
  initAsync: false,
  // preact escapes on render; escaping here too would show &amp; to users.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Top-level key → who added it; a namespace has one owner, so two catalogues can never shadow each other's words. */
const owners = new Map<string, string>(Object.keys(id).map((ns) => [ns, 'platform']));

/**
 * Adds one feature's words in both languages, before the first page or mail (src/messages.ts does it for every
 * feature when it loads: platform knows no feature). Throws when a namespace already belongs to another catalogue.
 */
export function registerMessages<M extends object>(owner: string, messages: { id: M; en: Messages<M> }): void {
  for (const ns of Object.keys(messages.id)) {
    const holder = owners.get(ns);
    if (holder !== undefined && holder !== owner)
      throw new Error(`message namespace "${ns}" of ${owner} already belongs to ${holder}`);
    owners.set(ns, owner);
  }
  // Not deep: namespaces never overlap, and the bundles stay copies of the catalogues, never the catalogues themselves.
  instance.addResourceBundle('id', 'translation', messages.id);
  instance.addResourceBundle('en', 'translation', messages.en);
}

/** Every message of a language, platform's and the registered features', as one tree of namespaces. */
export function catalogue(lang: Lang): Record<string, unknown> {
  return instance.getResourceBundle(lang, 'translation') as Record<string, unknown>;
}

export function translator(lang: Lang): T {
  return instance.getFixedT(lang);
}

export function hasKey(key: string): boolean {
  return instance.exists(key);
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** Picks the best supported language from an Accept-Language header; Indonesian when nothing matches. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'id';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.tag && !Number.isNaN(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'id' || base === 'in') return 'id';
    if (base === 'en') return 'en';
  }
  return 'id';
}

export * from './format.ts';
