import { eq } from 'drizzle-orm';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { tokenFromScan } from './pass-number.ts';
import { passRuleOn, type StayRule } from './pass-rules.ts';
import { borderPasses, type BorderPass, type PassStatus } from './schema.ts';

/** What the crossing desk sees of a pass: whether it may be used, whose it is, and the stay limit in force. */
export type PassForCrossing = {
  id: string;
  number: string;
  /** `expired`: still `valid` in the register but past its last day. */
  status: PassStatus | 'expired';
  holder: { nik: string; fullName: string; birthDate: IsoDate; sex: 'F' | 'M' };
  validUntil: IsoDate;
  unitCode: string;
  stayRule: StayRule;
};

/** A pass's status on a WITA day. */
export const passStatusOn = (pass: Pick<BorderPass, 'status' | 'validUntil'>, day: IsoDate): PassStatus | 'expired' =>
  pass.status === 'valid' && pass.validUntil < day ? 'expired' : pass.status;

/**
 * The pass a desk scanned (`token`: the QR's address or the token alone) or typed (`number`), or null when there is
 * none. The caller decides who may ask: this reads without audit, for a desk that must answer within a second.
 */
export async function findPassForCrossing(
  db: Executor,
  query: { token: string } | { number: string },
  today: IsoDate = witaDate(),
): Promise<PassForCrossing | null> {
  const token = 'token' in query ? tokenFromScan(query.token) : null;
  if ('token' in query && !token) return null;
  const where = token
    ? eq(borderPasses.token, token)
    : eq(borderPasses.number, ('number' in query ? query.number : '').trim().toUpperCase());
  const [pass] = await db.select().from(borderPasses).where(where);
  if (!pass) return null;
  const rule = await passRuleOn(db, today);
  return {
    id: pass.id,
    number: pass.number,
    status: passStatusOn(pass, today),
    holder: { nik: pass.nik, fullName: pass.fullName, birthDate: pass.birthDate, sex: pass.sex },
    validUntil: pass.validUntil,
    unitCode: pass.unitCode,
    stayRule: {
      stayDays: rule.stayDays,
      stayExtensions: rule.stayExtensions,
      extensionDays: rule.extensionDays,
      maxStayDays: rule.maxStayDays,
    },
  };
}
