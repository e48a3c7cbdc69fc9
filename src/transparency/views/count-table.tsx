import { formatNumber } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';

/**
 * One table of open figures: text cells as given, numbers formatted in the reader's language and aligned; a sentence
 * instead of an empty table; an emptied count (null, the small-count rule) as a dash. Each row's key is all its cells but the last, the count.
 */
export function CountTable({
  ctx,
  caption,
  headers,
  rows,
  none,
}: {
  ctx: PageContext;
  caption: string;
  headers: string[];
  rows: (string | number | null)[][];
  none: string;
}) {
  if (rows.length === 0)
    return (
      <p>
        {caption}: {none}
      </p>
    );
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slice(0, -1).join('|')}>
              {row.map((cell, i) =>
                typeof cell === 'number' ? (
                  <td key={i} class="number">
                    {formatNumber(ctx.lang, cell)}
                  </td>
                ) : cell === null ? (
                  <td key={i} class="number">
                    —
                  </td>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
