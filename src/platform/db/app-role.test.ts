import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.ts';
import { systemCaller } from '../auth/caller.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { auditLog } from '../audit/schema.ts';
import { openDatabase, sqlState } from './index.ts';

// docs/operations.md: the application's role owns nothing and may not CREATE; migrations run as the owner.
describe.runIf(process.env.TEST_DATABASE_URL)('the application role [postgres]', () => {
  it('starts on a migrated database without CREATE, writes audit entries, and cannot change them', async () => {
    const { database: owner, url, drop } = await freshDatabase('postgres');
    const role = `sikoe_app_${crypto.randomBytes(4).toString('hex')}`;
    try {
      await owner.migrate();
      for (const statement of [
        `create role ${role} login`,
        `grant usage on schema public, drizzle to ${role}`,
        `grant select, insert, update, delete on all tables in schema public to ${role}`,
        `grant usage, select on all sequences in schema public to ${role}`,
        `grant select on drizzle.__drizzle_migrations to ${role}`,
        `revoke update, delete, truncate on audit_log, audit_leaves, audit_nodes, audit_checkpoints from ${role}`,
      ]) {
        await owner.db.execute(sql.raw(statement));
      }
      const asApp = Object.assign(new URL(url!), { username: role }).toString();
      const app = await openDatabase({ kind: 'postgres', url: asApp, poolSize: 2 });
      try {
        await app.migrate();
        const { id } = await appendAudit(app.db, systemCaller('app-role-test'), { action: 'test.app-role' });
        const refused = await app.db
          .update(auditLog)
          .set({ action: 'changed' })
          .where(sql`id = ${id}`)
          .then(
            () => null,
            (err: unknown) => err,
          );
        expect(sqlState(refused)).toBe('42501');
        const ddl = await app.db.execute(sql`create schema nope`).then(
          () => null,
          (err: unknown) => err,
        );
        expect(sqlState(ddl)).toBe('42501');
      } finally {
        await app.close();
      }
    } finally {
      await owner.db.execute(sql.raw(`drop owned by ${role}`)).catch(() => undefined);
      await drop();
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop role if exists ${role}`);
      await admin.end();
    }
  });
});
