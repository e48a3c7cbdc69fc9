import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drivers, freshDatabase } from '../../test/db.ts';
import { folderBefore, migrateTo } from '../../test/migrations.ts';
import { migrationsFolder, queryRows } from '../platform/db/index.ts';

for (const kind of drivers) {
  describe(`migration 0008, one open application per person and type [${kind}]`, () => {
    it(
      'keeps the duplicate furthest along, else the earliest, cancels the others with a reason, and builds the index',
      { timeout: 60_000 },
      async () => {
        const { database, drop } = await freshDatabase(kind);
        try {
          await migrateTo(database, folderBefore('0008_open_application_per_nik'));
          const accountId = crypto.randomUUID();
          // One person with three open elektronik applications (the second one booked), one with two submitted, one alone.
          const rows = [
            ['3171015005900001', 'elektronik', 'submitted', '2026-11-01'],
            ['3171015005900001', 'elektronik', 'booked', '2026-11-02'],
            ['3171015005900001', 'elektronik', 'submitted', '2026-11-03'],
            ['3171015005900001', 'biasa', 'submitted', '2026-11-04'],
            ['3171011201850002', 'elektronik', 'submitted', '2026-11-05'],
            ['3171011201850002', 'elektronik', 'submitted', '2026-11-06'],
            ['3171011201850002', 'elektronik', 'handed_over', '2026-10-01'],
          ] as const;
          for (const [i, [nik, type, status, day]] of rows.entries()) {
            await database.db.execute(
              sql`insert into applications (account_id, tracking_code, status, nik, passport_type, submitted_at) values (${accountId}, ${`SKMIG${String(i).padStart(7, '0')}`}, ${status}, ${nik}, ${type}, ${`${day}T01:00:00Z`})`,
            );
          }
          await migrateTo(database, migrationsFolder);

          const after = await queryRows<{ status: string }>(
            database.db,
            sql`select status from applications order by tracking_code`,
          );
          expect(after.map((r) => r.status)).toEqual([
            'cancelled',
            'booked',
            'cancelled',
            'submitted',
            'submitted',
            'cancelled',
            'handed_over',
          ]);
          const [reasons] = await queryRows<{ n: number }>(
            database.db,
            sql`select count(*)::int as n from application_actions where type = 'duplicate_cancelled' and payload->>'status' = 'cancelled'`,
          );
          expect(reasons!.n).toBe(3);
          await expect(
            database.db.execute(
              sql`insert into applications (account_id, tracking_code, status, nik, passport_type) values (${accountId}, 'SKMIG9999999', 'submitted', '3171011201850002', 'elektronik')`,
            ),
          ).rejects.toThrow();
        } finally {
          await drop();
        }
      },
    );
  });
}
