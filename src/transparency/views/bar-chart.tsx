import { formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';

export type Bar = { label: string; values: number[] };

const colours = ['#1d4f91', '#00703c', '#d4351c'];
const width = 720;
const rowH = 34;
const left = 240;

/**
 * Horizontal bars, one row per office and up to three series side by side; each bar carries its figure in a title,
 * and the page repeats every number in a table, so the chart is a picture of the table and never the only source.
 * Drawn at its natural size, never scaled down: on a narrow screen it scrolls sideways in its box, so its 12 px
 * labels stay 12 px instead of shrinking to 5 px on a phone.
 */
export function BarChart({
  ctx,
  id,
  title,
  desc,
  series,
  bars,
  max,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  desc: string;
  series: string[];
  bars: Bar[];
  max?: number;
}) {
  const top = Math.max(1, max ?? Math.max(...bars.flatMap((b) => b.values), 0));
  const plot = width - left - 60;
  const barH = Math.floor((rowH - 8) / series.length);
  const height = bars.length * rowH + 30;
  const r = (v: number) => Math.round(v * 10) / 10;
  return (
    <ScrollRegion label={title}>
      <svg
        class="chart"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {bars.map((bar, i) => (
          <g key={bar.label}>
            <text x={left - 8} y={i * rowH + rowH / 2 + 4} text-anchor="end" font-size="12" fill="#0b0c0c">
              {bar.label}
            </text>
            {bar.values.map((v, j) => (
              <rect
                key={j}
                x={left}
                y={i * rowH + 4 + j * barH}
                width={r((v / top) * plot)}
                height={barH - 1}
                fill={colours[j]}
              >
                <title>{`${bar.label}: ${series[j]} ${formatNumber(ctx.lang, v, 2)}`}</title>
              </rect>
            ))}
          </g>
        ))}
        {series.map((s, j) => (
          <g key={s}>
            <rect x={left + j * 160} y={height - 20} width="12" height="12" fill={colours[j]} />
            <text x={left + j * 160 + 18} y={height - 10} font-size="12" fill="#0b0c0c">
              {s}
            </text>
          </g>
        ))}
      </svg>
    </ScrollRegion>
  );
}
