// Helpers shared by the complaint tests (not loaded by the application).
import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../platform/config.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import type { Db } from '../platform/db/index.ts';
import type { AppError } from '../platform/errors.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { apiAs } from '../queue/test-support.ts';
import type { AppContext } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { fileComplaint, type ComplaintInput } from './file-complaint.ts';
import { performComplaintAction, type ComplaintActionInput } from './perform-complaint-action.ts';
import { complaintActions, complaints } from './schema.ts';

export const publicUrl = 'http://sikoe.test';

/** A complaint filed through the use case (web, named), returned as stored with its secret. */
export async function makeComplaint(
  db: Db,
  config: Pick<Config, 'dataDir' | 's3'>,
  overrides: Partial<ComplaintInput> & { unitCode: string },
  now?: Date,
) {
  const input: ComplaintInput = {
    type: 'complaint',
    category: 'undue_delay',
    description: 'Paspor saya belum selesai setelah tiga minggu.',
    reporterName: 'Yosefina Lake',
    reporterEmail: 'yosefina@example.org',
    reporterPhone: '081200001111',
    ...overrides,
  };
  const { trackingCode, secret } = await db.transaction((tx) =>
    fileComplaint(tx, systemCaller('test'), input, openStorage(config), now),
  );
  const [complaint] = await db.select().from(complaints).where(eq(complaints.trackingCode, trackingCode));
  return { complaint: complaint!, secret };
}

/** One officer step through the use case. */
export function act(db: Db, officer: Account, input: ComplaintActionInput, now?: Date) {
  return db.transaction((tx) =>
    performComplaintAction(tx, { ...systemCaller('test'), actor: officerActor(officer) }, input, { publicUrl, now }),
  );
}

/**
 * The complaint tests' calls on the app of `ctx`: the API and the pages as an account, a complaint and its history
 * as stored, the mails queued to an address, following and filing over the public API, an integrity officer of the
 * regional office, and the code of the error a use case throws (null when it does not).
 */
export function complaintHelpers(ctx: AppContext) {
  const api = () => apiAs(ctx.app, ctx.db);
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const stored = async (id: string) => (await ctx.db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
  const actionTypes = async (id: string) =>
    (
      await ctx.db
        .select()
        .from(complaintActions)
        .where(eq(complaintActions.complaintId, id))
        .orderBy(complaintActions.id)
    ).map((a) => a.type);
  const mailsTo = (email: string) =>
    ctx.db.$count(jobs, and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${email}`));
  const follow = (code: string, secret: string) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1/complaints/${code}?secret=${encodeURIComponent(secret)}` });
  const file = (body: Record<string, unknown>) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: body });
  const integrityOfficer = (name = 'Petugas Integritas') =>
    makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANWIL-NTT', name });
  const refused = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      return (err as AppError).code;
    }
    return null;
  };
  return { api, as, stored, actionTypes, mailsTo, follow, file, integrityOfficer, refused };
}
