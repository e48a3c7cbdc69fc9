/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The first month of each run of at least `streak` months in a row without a self-report, from `firstMonth` through
 * `lastMonth` (the last month already over). Perpres 125/2016: three missed reports in a row may lead to placement.
 */
export function missedStreaks(firstMonth: string, lastMonth: string, reported: ReadonlySet<string>, streak = 3) {
  const starts: string[] = [];
  let runStart: string | null = null;
  let run = 0;
  for (let month = firstMonth; month <= lastMonth; month = nextMonth(month)) {
    if (reported.has(month)) {
      run = 0;
      runStart = null;
      continue;
    }
    runStart ??= month;
    run += 1;
    if (run === streak) starts.push(runStart);
  }
  return starts;
}
