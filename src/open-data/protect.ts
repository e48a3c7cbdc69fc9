import { SMALL_COUNT } from '../transparency/small-counts.ts';
import type { Dataset, Row } from './datasets.ts';

const small = (value: unknown) => typeof value === 'number' && value > 0 && value < SMALL_COUNT;

/**
 * The one small-count rule of the open data, applied after the source's own grouping (nationalities and regencies of
 * one or two people are already added up as OTHER there): in a row the rule applies to, a count of people of one or
 * two could point at someone in a small office's area. A row whose counts of people are all under three (or zero) is
 * left out; a row with larger counts keeps them and leaves the small ones empty. No row publishes a total that the
 * suppressed cell could be recovered from by subtraction within that row.
 */
export function protectRows(dataset: Dataset, rows: readonly Row[]): Row[] {
  const counted = dataset.columns.filter((c) => c.people).map((c) => c.name);
  if (counted.length === 0) return [...rows];
  return rows.flatMap((row) => {
    if (dataset.appliesTo && !dataset.appliesTo(row)) return [row];
    const smallOnes = counted.filter((name) => small(row[name]));
    if (smallOnes.length === 0) return [row];
    if (counted.every((name) => small(row[name]) || row[name] === 0)) return [];
    return [{ ...row, ...Object.fromEntries(smallOnes.map((name) => [name, null])) }];
  });
}
