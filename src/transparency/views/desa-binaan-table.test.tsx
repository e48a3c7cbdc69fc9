import { render } from 'preact-render-to-string';
import { expect, it } from 'vitest';
import { UNRECORDED_REASON } from '../../cases/count-deferrals.ts';
import { translator, type Lang } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { DesaBinaanTable } from './desa-binaan-table.tsx';

const ctxIn = (lang: Lang) =>
  ({ t: translator(lang), lang, actor: null, csrf: '', path: '/', assets: { css: '', htmx: '' } }) as PageContext;

it('names deferrals recorded before reason codes as unrecorded, apart from the real `other`', () => {
  const rows = [
    { section: 'deferrals' as const, unitCode: 'KANIM-KUPANG', regencyCode: '53.71', category: 'other', count: 4 },
    { section: 'deferrals' as const, unitCode: 'KANIM-KUPANG', regencyCode: '53.71', category: 'unrecorded', count: 3 },
  ];
  const labels = {
    regencies: new Map([['53.71', 'Kota Kupang']]),
    reasons: new Map([['other', { id: 'Lainnya', en: 'Other' }]]),
  };
  const id = render(<DesaBinaanTable ctx={ctxIn('id')} rows={rows} labels={labels} year={2026} />);
  expect(id).toContain('Lainnya');
  expect(id).toContain(UNRECORDED_REASON.nameId);
  const en = render(<DesaBinaanTable ctx={ctxIn('en')} rows={rows} labels={labels} year={2026} />);
  expect(en).toContain(UNRECORDED_REASON.nameEn);
});
