import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { IssuedStats } from '../count-issued-passports.ts';
import { formatMonth, formatNumber } from '../../platform/i18n/index.ts';

const width = 760;
const height = 320;
const margin = { top: 16, right: 12, bottom: 44, left: 64 };
/** Dark enough for text-level contrast on white, and told apart by the legend and the table, not by colour alone. */
export const typeColours = { biasa: '#00703c', elektronik: '#1d4f91' } as const;

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `n`: fifths of it are round numbers for the axis. */
function niceCeiling(n: number): number {
  if (n <= 0) return 10;
  const power = 10 ** Math.floor(Math.log10(n));
  return ([1, 2, 2.5, 5, 10].find((f) => f * power >= n) ?? 10) * power;
}

/**
 * Passports per month as stacked bars (biasa below, elektronik above), drawn on the server: no script, readable by
 * screen readers through its title and description, with each bar's figures in its own title. Drawn at its natural
 * size, never scaled down: on a narrow screen it scrolls sideways in its box, so its labels stay readable.
 */
export function IssuedChart({ ctx, stats, period }: { ctx: PageContext; stats: IssuedStats; period: string }) {
  const { t, lang } = ctx;
  const months = stats.byMonth;
  const top = niceCeiling(Math.max(...months.map((m) => m.total), 0));
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const band = plotW / months.length;
  // Coordinates to a tenth of a unit: finer is invisible and only makes the page bigger.
  const r = (v: number) => Math.round(v * 10) / 10;
  const barW = Math.max(1, r(band * 0.7));
  const y = (n: number) => r(margin.top + plotH - (n / top) * plotH);
  const every = Math.ceil(months.length / 12);
  const ticks = [0, 1, 2, 3, 4, 5].map((i) => (i * top) / 5);
  const oneYear = stats.from.slice(0, 4) === stats.to.slice(0, 4);
  return (
    <ScrollRegion label={t('statistics.chartTitle')}>
      <svg
        class="chart"
        viewBox={`0 0 ${width} ${height + 28}`}
        width={width}
        height={height + 28}
        role="img"
        aria-labelledby="chart-title chart-desc"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="chart-title">{t('statistics.chartTitle')}</title>
        <desc id="chart-desc">{t('statistics.chartDesc', { period })}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="#b1b4b6"
              stroke-width="1"
            />
            <text x={margin.left - 6} y={y(tick) + 4} text-anchor="end" font-size="12" fill="#0b0c0c">
              {formatNumber(lang, tick)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const x = r(margin.left + i * band + (band - barW) / 2);
          const label = oneYear
            ? formatMonth(lang, m.month, 'short').replace(/\s*\d{4}$/, '')
            : formatMonth(lang, m.month, 'short');
          return (
            <g key={m.month}>
              <title>{`${formatMonth(lang, m.month)}: ${formatNumber(lang, m.biasa)} ${t('statistics.biasa')}, ${formatNumber(lang, m.elektronik)} ${t('statistics.elektronik')}`}</title>
              <rect x={x} y={y(m.biasa)} width={barW} height={r(y(0) - y(m.biasa))} fill={typeColours.biasa} />
              <rect
                x={x}
                y={y(m.total)}
                width={barW}
                height={r(y(m.biasa) - y(m.total))}
                fill={typeColours.elektronik}
              />
              {i % every === 0 && (
                <text
                  x={x + barW / 2}
                  y={height - margin.bottom + 16}
                  text-anchor="middle"
                  font-size="12"
                  fill="#0b0c0c"
                >
                  {label}
                </text>
              )}
            </g>
          );
        })}
        {(['biasa', 'elektronik'] as const).map((type, i) => (
          <g key={type}>
            <rect x={margin.left + i * 220} y={height + 8} width="14" height="14" fill={typeColours[type]} />
            <text x={margin.left + i * 220 + 20} y={height + 20} font-size="13" fill="#0b0c0c">
              {t(`statistics.${type}`)}
            </text>
          </g>
        ))}
      </svg>
    </ScrollRegion>
  );
}
