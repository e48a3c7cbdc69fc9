import { render } from 'preact-render-to-string';
import { expect, it } from 'vitest';
import { translator, type Lang } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { SignalList } from './signals.tsx';

const ctxIn = (lang: Lang) =>
  ({ t: translator(lang), lang, actor: null, csrf: '', path: '/', assets: { css: '', htmx: '' } }) as PageContext;
const summary = {
  held: { outreach: 2, timpora_meeting: 0, service_visit: 1 },
  planned: 1,
  peopleReached: 1250,
  signals: {
    applications: 14,
    deferrals: [
      {
        reasonCode: 'pmi_np',
        name: { id: 'Diduga PMI nonprosedural', en: 'Suspected non-procedural migrant work' },
        count: 3,
      },
      { reasonCode: 'docs', name: { id: 'Dokumen tidak lengkap', en: 'Documents missing' }, count: 1 },
    ],
    tips: 2,
    openWarnings: 1,
  },
};

it('shows a village’s signals with the deferral reasons named in the reader’s language, never their codes', () => {
  const id = render(<SignalList ctx={ctxIn('id')} summary={summary} />);
  expect(id).toContain('Sosialisasi 2, Layanan pertama di desa 1');
  expect(id).toContain('1.250');
  expect(id).toContain('4 (Diduga PMI nonprosedural: 3, Dokumen tidak lengkap: 1)');
  expect(id).not.toContain('pmi_np');
  const en = render(<SignalList ctx={ctxIn('en')} summary={summary} />);
  expect(en).toContain('Suspected non-procedural migrant work: 3');
  expect(en).toContain('1,250');
});
