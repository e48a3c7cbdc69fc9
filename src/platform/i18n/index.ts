import i18next, { type TFunction } from 'i18next';
import { en } from './en.ts';
import { id } from './id.ts';

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
