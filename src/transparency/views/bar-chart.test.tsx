import { render } from 'preact-render-to-string';
import { expect, it } from 'vitest';
import { translator } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { BarChart } from './bar-chart.tsx';

const ctx = {
  t: translator('id'),
  lang: 'id',
  actor: null,
  csrf: '',
  path: '/',
  assets: { css: '', htmx: '' },
} as PageContext;

it('draws the chart at its natural size in a named, focusable scroll box, so a phone scrolls it instead of shrinking its text', () => {
  const html = render(
    <BarChart
      ctx={ctx}
      id="c"
      title="Pengaduan per kantor"
      desc="d"
      series={['Diterima', 'Selesai']}
      bars={[
        { label: 'Kupang', values: [3, 2] },
        { label: 'Ende', values: [1, 0] },
      ]}
    />,
  );
  expect(html).toMatch(
    /^<div class="table-scroll" role="region" aria-label="Pengaduan per kantor" tabindex="0"><svg class="chart" /,
  );
  const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(html)!;
  // Its width and height in CSS pixels are the drawing's own: 12-unit text is 12 px on any screen.
  expect(html).toContain(`width="${w}" height="${h}"`);
  expect(html).not.toContain('width="100%"');
  for (const size of html.matchAll(/font-size="(\d+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(12);
});
