import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drivers, freshDatabase } from '../../test/db.ts';
import { folderBefore, migrateTo } from '../../test/migrations.ts';
import { migrationsFolder, queryRows } from '../platform/db/index.ts';
import { lastDayOfPeriod } from './ban-period.ts';
import { birthDateFromNik } from './birth-date-from-nik.ts';

for (const kind of drivers) {
  describe(`migration 0023, ban-list dates [${kind}]`, () => {
    it(
      'reads the birth date from the NIK and gives entries without an end the longest first period',
      { timeout: 60_000 },
      async () => {
        const { database, drop } = await freshDatabase(kind);
        const before = folderBefore('0023_ban_list_dates');
        try {
          await migrateTo(database, before);
          const db = database.db;
          // [nik, birth date, added at (UTC), valid until, list]
          const rows: [string | null, string | null, string, string | null, string][] = [
            ['5304011203850001', null, '2025-01-10T03:00:00Z', null, 'exit'],
            ['5304015203050001', null, '2025-06-01T03:00:00Z', null, 'exit'],
            ['5304010512260001', null, '2026-12-01T00:00:00Z', null, 'exit'],
            ['5304013104850001', null, '2025-02-01T03:00:00Z', null, 'exit'],
            ['5304011203850002', '1990-01-01', '2025-08-30T17:00:00Z', null, 'exit'],
            [null, '1980-05-05', '2025-03-03T03:00:00Z', '2025-09-02', 'exit'],
            [null, '1975-02-02', '2025-04-04T03:00:00Z', null, 'entry'],
          ];
          const ids: string[] = [];
          for (const [nik, birthDate, addedAt, validUntil, list] of rows) {
            const [row] = await queryRows<{ id: string }>(
              db,
              sql`insert into watchlist_entries (list, nik, full_name, name_key, birth_date, reason, reference, added_at,
                  valid_from, valid_until)
                values (${list}, ${nik}, 'Uji', 'UJI', ${birthDate}, 'uji', 'B-1', ${addedAt}, '2025-10-20', ${validUntil})
                returning id`,
            );
            ids.push(row!.id);
          }
          await migrateTo(database, migrationsFolder);

          const after = await queryRows<{ id: string; birth: string | null; from: string; until: string }>(
            db,
            sql`select id, birth_date::text as birth, valid_from::text as from, valid_until::text as until
              from watchlist_entries`,
          );
          const byId = new Map(after.map((r) => [r.id, r]));
          expect(ids.map((id) => byId.get(id))).toEqual([
            { id: ids[0], birth: '1985-03-12', from: '2025-01-10', until: '2025-07-09' },
            { id: ids[1], birth: '2005-03-12', from: '2025-06-01', until: '2025-11-30' },
            // Added on 1 December 2026, WITA: born 5 December 1926, not a few days later.
            { id: ids[2], birth: '1926-12-05', from: '2026-12-01', until: '2027-05-31' },
            // 31 April is no date.
            { id: ids[3], birth: null, from: '2025-02-01', until: '2025-07-31' },
            // Added on 31 August WITA (17:00 UTC the day before): six months end on the last day of February.
            { id: ids[4], birth: '1990-01-01', from: '2025-08-31', until: '2026-02-28' },
            { id: ids[5], birth: '1980-05-05', from: '2025-10-20', until: '2025-09-02' },
            { id: ids[6], birth: '1975-02-02', from: '2025-04-04', until: '2035-04-03' },
          ]);
          // The same rules as the code's, which fills new entries.
          expect(
            ['2025-01-10', '2025-06-01', '2026-12-01', '2025-02-01'].map((d, i) => birthDateFromNik(rows[i]![0]!, d)),
          ).toEqual(['1985-03-12', '2005-03-12', '1926-12-05', null]);
          expect(lastDayOfPeriod('2025-08-31', 6)).toBe('2026-02-28');
          expect(lastDayOfPeriod('2025-04-04', 120)).toBe('2035-04-03');
          await expect(
            db.execute(sql`update watchlist_entries set valid_until = null where id = ${ids[0]}`),
          ).rejects.toThrow();
        } finally {
          fs.rmSync(before, { recursive: true, force: true });
          await drop();
        }
      },
    );
  });
}
