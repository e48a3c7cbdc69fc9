/** Fewer people than this of one nationality (or regency) in a row are counted under OTHER. */
export const SMALL_COUNT = 3;
/** The name of the rows that add up the small ones (of nationalities and of regencies alike). */
export const OTHER_NATIONALITY = 'OTHER';

/**
 * A row of one or two people under a narrow breakdown (a nationality, a regency) could point at a person in a small
 * office's area, so those are added up as OTHER with the others of the same row (`rowKey`: every column but `field`
 * and count); the totals stay right. Rows without that breakdown (empty) are left as they are.
 */
export function groupSmallCounts<K extends string, T extends Record<K, string> & { count: number }>(
  rows: readonly T[],
  field: K,
  rowKey: (row: T) => string,
): T[] {
  const out = new Map<string, T>();
  for (const row of rows) {
    const value = row[field] && row.count < SMALL_COUNT ? OTHER_NATIONALITY : row[field];
    const key = `${rowKey(row)}|${value}`;
    const into = out.get(key);
    if (into) into.count += row.count;
    else out.set(key, { ...row, [field]: value });
  }
  return [...out.values()];
}

/** Nationalities of fewer than three people in a row added up as OTHER. */
export const groupSmallNationalities = <T extends { nationality: string; count: number }>(
  rows: readonly T[],
  rowKey: (row: T) => string,
): T[] => groupSmallCounts(rows, 'nationality', rowKey);
