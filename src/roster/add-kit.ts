import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getUnit } from '../units/list-units.ts';
import { mobileKits, type MobileKit } from './schema.ts';

/** Registers a mobile biometric kit of the unit. Names are unique among the unit's kits in service, so that duties read clearly. */
export async function addKit(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; name: string; serial?: string | null },
): Promise<MobileKit> {
  await getUnit(tx, input.unitCode);
  const same = await tx
    .select({ id: mobileKits.id })
    .from(mobileKits)
    .where(
      and(
        eq(mobileKits.unitCode, input.unitCode),
        eq(mobileKits.active, true),
        sql`lower(${mobileKits.name}) = lower(${input.name})`,
      ),
    );
  if (same.length > 0) throw new AppError('validation_failed', { name: 'roster.v.kitNameTaken' });
  const [kit] = await tx
    .insert(mobileKits)
    .values({ unitCode: input.unitCode, name: input.name, serial: input.serial || null })
    .returning();
  await appendAudit(tx, caller, {
    action: 'kit.add',
    targetType: 'mobile_kit',
    targetId: kit!.id,
    unitCode: input.unitCode,
    details: { name: kit!.name, serial: kit!.serial },
  });
  return kit!;
}
