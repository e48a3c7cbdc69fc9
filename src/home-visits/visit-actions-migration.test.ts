import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drivers, freshDatabase } from '../../test/db.ts';
import { folderBefore, migrateTo } from '../../test/migrations.ts';
import { migrationsFolder, queryRows } from '../platform/db/index.ts';

for (const kind of drivers) {
  describe(`migration 0012, the visits' own history [${kind}]`, () => {
    it(
      'moves the visits’ actions out of outreach_actions with their ids, leaves the sessions’, and numbers new ones after them',
      { timeout: 60_000 },
      async () => {
        const { database, drop } = await freshDatabase(kind);
        const before0012 = folderBefore('0012_home_visit_actions');
        try {
          await migrateTo(database, before0012);
          const visit = crypto.randomUUID();
          const session = crypto.randomUUID();
          const rows = [
            ['visit', visit, 'requested', null],
            ['session', session, 'requested', null],
            ['visit', visit, 'accepted', 'accept-0001'],
            ['visit', visit, 'scheduled', 'schedule-0001'],
            ['session', session, 'approved', null],
          ] as const;
          for (const [subjectType, subjectId, type, requestId] of rows) {
            await database.db.execute(
              sql`insert into outreach_actions (subject_type, subject_id, type, payload, request_id) values (${subjectType}, ${subjectId}, ${type}, ${JSON.stringify({ status: type })}::jsonb, ${requestId})`,
            );
          }
          const before = await queryRows<{ id: number; type: string }>(
            database.db,
            sql`select id::int as id, type from outreach_actions where subject_type = 'visit' order by id`,
          );
          await migrateTo(database, migrationsFolder);

          const moved = await queryRows<{
            id: number;
            visit_id: string;
            type: string;
            request_id: string | null;
            status: string;
          }>(
            database.db,
            sql`select id::int as id, visit_id, type, request_id, payload->>'status' as status from home_visit_actions order by id`,
          );
          expect(moved).toEqual(
            before.map((b, i) => ({
              id: b.id,
              visit_id: visit,
              type: b.type,
              request_id: [null, 'accept-0001', 'schedule-0001'][i],
              status: b.type,
            })),
          );
          const left = await queryRows<{ subject_id: string; type: string }>(
            database.db,
            sql`select subject_id, type from outreach_actions order by id`,
          );
          expect(left).toEqual([
            { subject_id: session, type: 'requested' },
            { subject_id: session, type: 'approved' },
          ]);
          const [next] = await queryRows<{ id: number }>(
            database.db,
            sql`insert into home_visit_actions (visit_id, type) values (${visit}, 'visited') returning id::int as id`,
          );
          expect(next!.id).toBeGreaterThan(before.at(-1)!.id);
        } finally {
          await drop();
          fs.rmSync(before0012, { recursive: true, force: true });
        }
      },
    );
  });
}
