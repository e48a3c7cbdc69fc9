import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { drivers, freshDatabase, testConfig } from '../../test/db.ts';
import { applications } from '../applications/schema.ts';
import { appointments } from '../appointments/schema.ts';
import { passports } from '../passports/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { accounts } from '../platform/auth/schema.ts';
import { totpCode, totpStep } from '../platform/auth/totp.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { openDatabase, type Database } from '../platform/db/index.ts';
import { queueTickets } from '../queue/schema.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { seedReference } from '../seed.ts';
import { DEMO_TOTP_SECRET, seedDemo } from './seed-demo.ts';

// A database of its own: the demo fills the real Kantor Imigrasi with quotas, tickets and cases.
for (const kind of drivers)
  describe(`seed --demo [${kind}]`, { timeout: 120_000 }, () => {
    let database: Database;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      if (kind === 'pglite') {
        database = await openDatabase({
          kind: 'pglite',
          loadDataDir: new Blob([fs.readFileSync(inject('pgliteImage'))]),
        });
        drop = () => database.close();
        return;
      }
      ({ database, drop } = await freshDatabase(kind));
      await database.migrate();
      await seedReference(database.db);
    });
    afterAll(() => drop());

    it('leaves applications at every stage at Kupang, served through the real steps, once however often it runs', async () => {
      const config = testConfig();
      const services = {
        storage: openStorage(config),
        publicUrl: config.publicUrl,
        qrSecret: 'demo-qr-secret-0123456789',
        booking: config.booking,
      };
      const first = await seedDemo(database.db, services);
      expect(first.applications).toBe(12);
      const demoCitizens = await database.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(inArray(accounts.email, ['maria@demo.sikoe.id', 'yohanes@demo.sikoe.id', 'anselmus@demo.sikoe.id']));
      const rows = await database.db
        .select()
        .from(applications)
        .where(
          inArray(
            applications.accountId,
            demoCitizens.map((c) => c.id),
          ),
        );
      const statuses = rows.map((r) => r.status).sort();
      expect(statuses).toEqual(
        [
          'submitted',
          'booked',
          'paid',
          'paid',
          'checked_in',
          'documents_verified',
          'biometrics_captured',
          'interviewed',
          'approved',
          'printed',
          'ready',
          'handed_over',
        ].sort(),
      );
      // Submitted as the citizens would have, each with its audit entry.
      expect(
        await database.db.$count(
          auditLog,
          and(
            eq(auditLog.action, 'application.submit'),
            inArray(
              auditLog.targetId,
              rows.map((r) => r.id),
            ),
          ),
        ),
      ).toBe(12);
      // Today's arrivals and the queue: one expected at reception, one waiting for a counter.
      const today = await database.db
        .select()
        .from(appointments)
        .where(
          inArray(
            appointments.applicationId,
            rows.map((r) => r.id),
          ),
        );
      expect(today.filter((a) => a.date === witaDate()).length).toBe(9);
      const waiting = await database.db
        .select()
        .from(queueTickets)
        .where(
          inArray(
            queueTickets.applicationId,
            rows.map((r) => r.id),
          ),
        );
      const notCalled = waiting.filter((t) => t.calledAt === null);
      expect(notCalled.map((t) => rows.find((r) => r.id === t.applicationId)!.status)).toEqual(['checked_in']);
      // Printed with the family name the applicant stated first in the MRZ.
      const [printed] = await database.db
        .select()
        .from(passports)
        .where(
          inArray(
            passports.applicationId,
            rows.filter((r) => r.fullName === 'Maria Imaculata Da Costa-Soares').map((r) => r.id),
          ),
        );
      expect(printed!.mrz1).toBe(`P<IDN${'DA<COSTA<SOARES<<MARIA<IMACULATA'.padEnd(39, '<')}`);
      // Demo officers have the shared TOTP key printed by the CLI, so a code from it lets them in at once.
      const [verifier] = await database.db
        .select()
        .from(accounts)
        .where(inArray(accounts.email, ['verifikator.kupang@demo.sikoe.id']));
      expect(verifier!.totpEnabledAt).toBeInstanceOf(Date);
      expect(totpStep(verifier!.totpSecret!, totpCode(DEMO_TOTP_SECRET))).not.toBeNull();
      expect((await seedDemo(database.db, services)).applications).toBe(0);
    });
  });
