import { render } from 'preact-render-to-string';
import { expect, it } from 'vitest';
import { translator } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { IssuedStats } from '../count-issued-passports.ts';
import { IssuedChart } from './issued-chart.tsx';

const t = translator('id');
const ctx = { t, lang: 'id', actor: null, csrf: '', path: '/', assets: { css: '', htmx: '' } } as PageContext;
const month = (m: string, biasa: number, elektronik: number) => ({
  month: m,
  biasa,
  elektronik,
  total: biasa + elektronik,
});
const stats = {
  from: '2024-01',
  to: '2024-03',
  unitCode: null,
  biasa: 6,
  elektronik: 9,
  total: 15,
  byUnit: [],
  rows: [],
  byMonth: [month('2024-01', 1, 2), month('2024-02', 2, 3), month('2024-03', 3, 4)],
} as IssuedStats;

it('draws the chart at its natural size in a named, focusable scroll box, so a phone scrolls it instead of shrinking its text', () => {
  const html = render(<IssuedChart ctx={ctx} stats={stats} period="Januari–Maret 2024" />);
  expect(html).toMatch(
    new RegExp(
      `^<div class="table-scroll" role="region" aria-label="${t('statistics.chartTitle')}" tabindex="0"><svg class="chart" `,
    ),
  );
  const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(html)!;
  expect(html).toContain(`width="${w}" height="${h}"`);
  expect(html).not.toContain('width="100%"');
  for (const size of html.matchAll(/font-size="(\d+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(12);
});
