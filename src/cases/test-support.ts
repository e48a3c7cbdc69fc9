// Helpers shared by the counter-service tests (not loaded by the application).
import crypto from 'node:crypto';
import { recordAction } from '../applications/actions.ts';
import type { ApplicationStatus } from '../applications/schema.ts';
import { appointments } from '../appointments/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Executor } from '../platform/db/index.ts';
import { billings } from '../payments/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { makeApplication } from '../../test/factories.ts';

/**
 * A case at the office in the given status, booked for today at the unit, paid unless `paid: false`, held by
 * `holderId` when given. The history holds one action that put it there, as a seeded case would.
 */
export async function makeCase(
  db: Executor,
  options: { unitCode: string; status: ApplicationStatus; holderId?: string | null; paid?: boolean } & Parameters<
    typeof makeApplication
  >[1],
) {
  const { status, holderId = null, paid = true, ...rest } = options;
  const application = await makeApplication(db, { ...rest, status, holderId, statusAt: new Date() });
  const appointmentId = crypto.randomUUID();
  await db
    .insert(appointments)
    .values({
      id: appointmentId,
      applicationId: application.id,
      unitCode: application.unitCode!,
      date: witaDate(),
      channel: 'online',
      nik: application.nik!,
      state: paid ? 'paid' : 'booked',
    });
  await db.insert(billings).values({
    code: String(Math.floor(1e14 + Math.random() * 9e14)),
    appointmentId,
    applicationId: application.id,
    amount: application.feeTotal!,
    expiresAt: new Date(Date.now() + 7_200_000),
    ...(paid ? { paidAt: new Date() } : {}),
  });
  await recordAction(db, systemCaller('test'), { applicationId: application.id, type: 'seeded', payload: { status } });
  return { ...application, appointmentId };
}
