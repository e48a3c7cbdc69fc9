import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '../src/appointments/schema.ts';
import { newBillingCode } from '../src/payments/billing-code.ts';
import { billings } from '../src/payments/schema.ts';
import { auditLog } from '../src/platform/audit/schema.ts';
import { openDatabase, type Database } from '../src/platform/db/index.ts';
import { cliEnv, runSikoe } from './cli.ts';
import { makeApplication, makeUnit } from './factories.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-cli-pay-'));
const env = cliEnv(dataDir);
const sikoe = (args: string[]) => runSikoe(env, args);

/** The CLI's own PGlite folder, opened only while no command runs (PGlite is single-process). */
async function withCliDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

describe('sikoe payments settle', { timeout: 180_000 }, () => {
  const codes = { payable: newBillingCode(), expired: newBillingCode() };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  // Two booked appointments with their billing codes: one still payable, one whose two hours are over.
  beforeAll(async () => {
    await withCliDatabase(async ({ db, migrate }) => {
      await migrate();
      const unit = await makeUnit(db);
      for (const [code, expiresAt] of [
        [codes.payable, new Date(Date.now() + 3_600_000)],
        [codes.expired, new Date(Date.now() - 60_000)],
      ] as const) {
        const application = await makeApplication(db, { unitCode: unit.code, status: 'booked' });
        const [appointment] = await db
          .insert(appointments)
          .values({
            applicationId: application.id,
            unitCode: unit.code,
            date: '2030-01-02',
            channel: 'online',
            nik: application.nik!,
          })
          .returning();
        await db
          .insert(billings)
          .values({ code, appointmentId: appointment!.id, applicationId: application.id, amount: 950_000, expiresAt });
      }
    });
  }, 120_000);

  it('records the payment like the bank would, once, and refuses unknown, expired and malformed codes with exit code 2', async () => {
    const paid = await sikoe(['payments', 'settle', codes.payable, '--reference', 'TELLER-0042']);
    expect(paid.code, paid.stderr).toBe(0);
    expect(paid.stdout).toMatch(new RegExp(`^billing ${codes.payable} paid at .+ WITA\\n$`));
    const again = await sikoe(['payments', 'settle', codes.payable]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`billing ${codes.payable} was already paid at`);

    const unknown = await sikoe(['payments', 'settle', '999999999999999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('sikoe: unknown billing code 999999999999999\n');
    const expired = await sikoe(['payments', 'settle', codes.expired]);
    expect(expired.code).toBe(2);
    expect(expired.stderr).toContain(`billing code ${codes.expired} has expired`);
    const malformed = await sikoe(['payments', 'settle', '12345']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('15 digits');

    await withCliDatabase(async ({ db }) => {
      const [payable] = await db.select().from(billings).where(eq(billings.code, codes.payable));
      expect(payable).toMatchObject({ paymentReference: 'TELLER-0042', paidAt: expect.any(Date) });
      const [appointment] = await db.select().from(appointments).where(eq(appointments.id, payable!.appointmentId!));
      expect(appointment!.state).toBe('paid');
      const [stillUnpaid] = await db.select().from(billings).where(eq(billings.code, codes.expired));
      expect(stillUnpaid!.paidAt).toBeNull();
      const audit = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'payment.settle'), eq(auditLog.targetId, codes.payable)));
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ system: 'cli', reference: 'TELLER-0042' });
    });
  });
});
