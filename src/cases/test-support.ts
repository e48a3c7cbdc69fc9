// Helpers shared by the counter-service tests (not loaded by the application).
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createApiToken } from '../accounts/api-tokens.ts';
import { recordAction } from '../applications/actions.ts';
import { isBooked } from '../applications/application-statuses.ts';
import { applicationActions, applications, type ApplicationStatus } from '../applications/schema.ts';
import { appointments } from '../appointments/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { billings } from '../payments/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppContext } from '../../test/db.ts';
import { makeApplication, makeOfficer } from '../../test/factories.ts';

/**
 * A case at the office in the given status, booked for today at the unit, paid unless `paid: false`, held by
 * `holderId` when given. The history holds one action that put it there, as a seeded case would. Its appointment is
 * live while the status is still booked or paid, else attended, as check-in leaves it.
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
  await db.insert(appointments).values({
    id: appointmentId,
    applicationId: application.id,
    unitCode: application.unitCode!,
    date: witaDate(),
    channel: 'online',
    nik: application.nik!,
    state: !isBooked(status) ? 'attended' : paid ? 'paid' : 'booked',
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

/**
 * The case tests' calls on the app of `ctx`: `act` posts an officer's step over the API (one token per account,
 * `tokenOf`), `officer` makes an officer of a unit, `snapshot` is what a refused action must leave untouched and
 * `refused` checks the status and error code of a refusal.
 */
export function caseApi(ctx: AppContext) {
  const tokens = new Map<string, string>();
  const tokenOf = async (account: Account) => {
    if (!tokens.has(account.id))
      tokens.set(
        account.id,
        (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token,
      );
    return tokens.get(account.id)!;
  };
  const act = async (account: Account | null, id: string, body: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/actions`,
      payload: body,
      headers: account ? { authorization: `Bearer ${await tokenOf(account)}` } : {},
    });
  const officer = (role: OfficerRole, unitCode: string, name?: string) =>
    makeOfficer(ctx.db, { role, unitCode, ...(name ? { name } : {}) });
  /** What a refused action must leave untouched: the status, the holder and the history. */
  const snapshot = async (id: string) => {
    const [row] = await ctx.db
      .select({ status: applications.status, holderId: applications.holderId, dueOn: applications.dueOn })
      .from(applications)
      .where(eq(applications.id, id));
    return { ...row, actions: await ctx.db.$count(applicationActions, eq(applicationActions.applicationId, id)) };
  };
  const refused = async (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
    expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
    expect(res.json()).toMatchObject({ error: { code } });
  };
  return { tokenOf, act, officer, snapshot, refused };
}
