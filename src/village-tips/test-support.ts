// Helpers shared by the village-tip tests (not loaded by the application).
import { eq } from 'drizzle-orm';
import {
  freeVillage as freeVillageIn,
  makeAdoptedVillage,
  makeVillageOfficer,
} from '../adopted-villages/test-support.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { systemCaller, type Caller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import type { Db } from '../platform/db/index.ts';
import type { AppError } from '../platform/errors.ts';
import { apiAs } from '../queue/test-support.ts';
import type { AppContext } from '../../test/db.ts';
import { sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { fileTip, type TipInput } from './file-tip.ts';
import { performTipAction, type TipActionInput } from './perform-tip-action.ts';
import { raiseWarning, type WarningInput } from './raise-warning.ts';
import { villageTips } from './schema.ts';

export const callerAs = (account: Account): Caller => ({ ...systemCaller('test'), actor: officerActor(account) });

/** A village under the code prefix ("53." NTT, "53.04." Belu) that nobody has adopted, picked at random. */
export const freeVillage = async (db: Db, prefix = '53.'): Promise<string> =>
  (await freeVillageIn(db, { prefix })).villageCode;

/** A free village adopted by the unit from 2020, so the unit's tips and warnings meet no other test's. */
export const adoptVillage = async (db: Db, unitCode: string): Promise<string> =>
  (await makeAdoptedVillage(db, { unitCode, adoptedOn: '2020-01-01' })).villageCode;

/** The officer becomes a PIMPASA of the village from 2020. */
export const makePimpasa = (db: Db, officer: Account, villageCode: string): Promise<void> =>
  makeVillageOfficer(db, villageCode, officer, { phone: '081200000000', since: '2020-01-01' });

/** A named tip through the use case, returned as stored with its secret. */
export async function makeTip(
  db: Db,
  input: Partial<TipInput> & { villageCode: string | null },
  caller?: Caller,
  now?: Date,
) {
  const full: TipInput = {
    kind: 'recruiter',
    description: 'Ada calo menawarkan kerja di Malaysia tanpa dokumen.',
    subjectName: 'Om Calo',
    reporterName: 'Maria Pelapor Rahasia',
    reporterPhone: '081377665544',
    reporterEmail: 'maria.pelapor@example.org',
    ...input,
  };
  const { trackingCode, secret } = await db.transaction((tx) => fileTip(tx, caller ?? systemCaller('test'), full, now));
  const [tip] = await db.select().from(villageTips).where(eq(villageTips.trackingCode, trackingCode));
  return { tip: tip!, secret };
}

export const actOnTip = (db: Db, officer: Account, input: TipActionInput, now?: Date) =>
  db.transaction((tx) => performTipAction(tx, callerAs(officer), input, now));

export const raise = (db: Db, officer: Account, input: WarningInput, now?: Date) =>
  db.transaction((tx) => raiseWarning(tx, callerAs(officer), input, now));

/** The code of the error a call throws, or null when it does not. */
export async function refused(fn: () => Promise<unknown>): Promise<string | null> {
  try {
    await fn();
  } catch (err) {
    return (err as AppError).code;
  }
  return null;
}

/** The tests' calls on the app of `ctx`: the API as an account, the pages as an account. */
export function tipHelpers(ctx: AppContext) {
  // The app is made in the suite's beforeAll: looked up at the first call.
  let calls: ReturnType<typeof apiAs> | undefined;
  const api: ReturnType<typeof apiAs> = (...args) => (calls ??= apiAs(ctx.app, ctx.db))(...args);
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  return { api, as };
}
