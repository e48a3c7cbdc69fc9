// npm run bench:lodging — the three figures of the lodging-report issue, one script each, on PostgreSQL:
//   bulk check-in through HTTP (bench/lodging-check-in.ts), the daily overstay job over 1,000,000 permits
//   (bench/lodging-overstay.ts), "foreigners lodged now in a regency" with 1,000,000 stays (bench/lodging-lodged-now.ts).
// Each prints its figures and exits 1 on a missed goal; this runs them one after another and exits 1 if any did.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const parts = ['lodging-check-in', 'lodging-overstay', 'lodging-lodged-now'];
let failed = 0;
for (const part of parts) {
  process.stdout.write(
    `\n== ${part} (load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}) ==\n`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${part}.ts`], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.stdout.write(`\n${failed === 0 ? 'every goal met' : `${failed} of ${parts.length} missed a goal`}\n`);
process.exit(failed === 0 ? 0 : 1);
