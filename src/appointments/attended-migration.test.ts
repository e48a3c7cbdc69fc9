import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drivers, freshDatabase } from '../../test/db.ts';
import { folderBefore, migrateTo } from '../../test/migrations.ts';
import { migrationsFolder, queryRows } from '../platform/db/index.ts';

for (const kind of drivers) {
  describe(`migration 0018, appointments attended [${kind}]`, () => {
    it(
      'ends the live appointments of applications past arrival or closed, and leaves those still to come and visits',
      { timeout: 60_000 },
      async () => {
        const { database, drop } = await freshDatabase(kind);
        const before = folderBefore('0018_appointment_attended');
        try {
          await migrateTo(database, before);
          const db = database.db;
          const accountId = crypto.randomUUID();
          const checkedInAt = '2026-03-02T01:30:00.000Z';
          const statusAt = '2026-03-09T02:00:00.000Z';
          // Served and checked in (with its check-in in the history), handed over long ago (none), paid and still to
          // come, booked and unpaid, a paid no-show whose day passed; and a stay-permit visit.
          const rows = [
            ['checked_in', 'paid', '3171015005900001'],
            ['handed_over', 'paid', '3171015005900002'],
            ['paid', 'paid', '3171015005900003'],
            ['booked', 'booked', '3171015005900004'],
            ['paid', 'paid', '3171015005900005'],
          ] as const;
          const ids: string[] = [];
          for (const [i, [status, state, nik]] of rows.entries()) {
            const [application] = await queryRows<{ id: string }>(
              db,
              sql`insert into applications (account_id, tracking_code, status, status_at, nik, passport_type)
                values (${accountId}, ${`SKMIG${String(i).padStart(7, '0')}`}, ${status}, ${statusAt}, ${nik}, 'elektronik')
                returning id`,
            );
            const date = i === 4 ? '2026-01-05' : '2026-03-02';
            const [appointment] = await queryRows<{ id: string }>(
              db,
              sql`insert into appointments (application_id, unit_code, date, channel, nik, state)
                values (${application!.id}, 'KANIM-KUPANG', ${date}, 'online', ${nik}, ${state}) returning id`,
            );
            ids.push(appointment!.id);
          }
          await db.execute(
            sql`insert into application_actions (application_id, type, at, payload)
              select application_id, 'check_in', ${checkedInAt}, '{"status":"checked_in"}' from appointments where id = ${ids[0]}`,
          );
          const [visit] = await queryRows<{ id: string }>(
            db,
            sql`insert into appointments (application_id, unit_code, date, channel, state)
              values (${crypto.randomUUID()}, 'KANIM-KUPANG', '2026-03-02', 'stay_permit', 'paid') returning id`,
          );
          await migrateTo(database, migrationsFolder);

          const after = await queryRows<{ id: string; state: string; endedAt: string | null }>(
            db,
            sql`select id, state, to_char(ended_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "endedAt" from appointments`,
          );
          const byId = new Map(after.map((r) => [r.id, r]));
          expect([...ids, visit!.id].map((id) => byId.get(id))).toEqual([
            { id: ids[0], state: 'attended', endedAt: checkedInAt },
            { id: ids[1], state: 'attended', endedAt: statusAt },
            { id: ids[2], state: 'paid', endedAt: null },
            { id: ids[3], state: 'booked', endedAt: null },
            { id: ids[4], state: 'paid', endedAt: null },
            { id: visit!.id, state: 'paid', endedAt: null },
          ]);
          // The person served long ago holds no live appointment any more: a new one can be placed under the NIK.
          await db.execute(
            sql`insert into appointments (application_id, unit_code, date, channel, nik)
              values (${crypto.randomUUID()}, 'KANIM-KUPANG', '2026-04-06', 'online', '3171015005900002')`,
          );
        } finally {
          fs.rmSync(before, { recursive: true, force: true });
          await drop();
        }
      },
    );
  });
}
