import { and, eq, gte } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { duties, mobileKits } from './schema.ts';

/**
 * Takes a kit out of service (broken, lost, handed back). A kit still assigned to a session or visit from today on
 * is refused: the session would silently lose its equipment; move that duty first.
 */
export async function deactivateKit(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; kitId: string },
  now = new Date(),
): Promise<void> {
  const [kit] = await tx
    .select()
    .from(mobileKits)
    .where(and(eq(mobileKits.id, input.kitId), eq(mobileKits.unitCode, input.unitCode)))
    .for('update');
  if (!kit) throw new AppError('not_found');
  if (!kit.active) throw new AppError('invalid_transition');
  const ahead = await tx.$count(duties, and(eq(duties.kitId, kit.id), gte(duties.date, witaDate(now))));
  if (ahead > 0) throw new AppError('resource_busy', { [`kit:${kit.id}`]: 'roster.v.kitOnDuty' });
  await tx.update(mobileKits).set({ active: false }).where(eq(mobileKits.id, kit.id));
  await appendAudit(tx, caller, {
    action: 'kit.deactivate',
    targetType: 'mobile_kit',
    targetId: kit.id,
    unitCode: kit.unitCode,
    details: { name: kit.name },
  });
}
