import { describe, expect, it } from 'vitest';
import './messages.ts';
import { catalogue, registerMessages } from './platform/i18n/index.ts';

/** Every leaf of a catalogue as [dotted key, text]. */
function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  const idLeaves = leaves(catalogue('id'));
  const enLeaves = leaves(catalogue('en'));

  it('have the same keys in Indonesian and English, all non-empty text', () => {
    expect(enLeaves.map(([k]) => k).sort()).toEqual(idLeaves.map(([k]) => k).sort());
    expect(idLeaves.length).toBeGreaterThan(50);
    for (const [key, text] of [...idLeaves, ...enLeaves]) {
      expect(typeof text, key).toBe('string');
      expect((text as string).trim().length, key).toBeGreaterThan(0);
    }
  });

  it('use the same placeholders in both languages', () => {
    const enText = new Map(enLeaves);
    for (const [key, text] of idLeaves)
      expect(placeholders(enText.get(key) as string), key).toEqual(placeholders(text as string));
  });

  it('hold every feature’s words, and refuse a namespace another catalogue already owns', () => {
    expect(Object.keys(catalogue('id'))).toEqual(
      expect.arrayContaining(['errors', 'cases', 'booking', 'holidays', 'signup', 'homeVisits']),
    );
    expect(() =>
      registerMessages('complaints', { id: { cases: { title: 'x' } }, en: { cases: { title: 'x' } } }),
    ).toThrow(/"cases" of complaints already belongs to cases/);
    expect(() => registerMessages('units', { id: { errors: { title: 'x' } }, en: { errors: { title: 'x' } } })).toThrow(
      /belongs to platform/,
    );
  });
});
