/** Fewer people than this of one nationality in a row are counted under OTHER. */
export const SMALL_COUNT = 3;
export const OTHER_NATIONALITY = 'OTHER';

/**
 * A nationality with one or two people in a unit's month could point at a person in a small office's area, so those
 * are added up as OTHER with the others of the same row (`rowKey`: every column but nationality and count); the
 * totals stay right. Rows not counted by nationality (empty) are left as they are.
 */
export function groupSmallNationalities<T extends { nationality: string; count: number }>(
  rows: readonly T[],
  rowKey: (row: T) => string,
): T[] {
  const out = new Map<string, T>();
  for (const row of rows) {
    const nationality = row.nationality && row.count < SMALL_COUNT ? OTHER_NATIONALITY : row.nationality;
    const key = `${rowKey(row)}|${nationality}`;
    const into = out.get(key);
    if (into) into.count += row.count;
    else out.set(key, { ...row, nationality });
  }
  return [...out.values()];
}
