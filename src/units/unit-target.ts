import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { organisationRoot } from './organisation-root.ts';
import type { UnitTarget } from './policy.ts';
import { actorScope } from './scope.ts';
import { units, type Unit } from './schema.ts';

/** The unit as stored (its own services, whatever its state) and what the policy needs to know of it. */
export async function unitTarget(
  db: Executor,
  actor: Actor | null,
  code: string,
  lock = false,
): Promise<{ unit: Unit; target: UnitTarget }> {
  const query = db.select().from(units).where(eq(units.code, code));
  const [unit] = lock ? await query.for('update') : await query;
  if (!unit) throw new AppError('not_found');
  const [root, scope] = await Promise.all([organisationRoot(db), actorScope(db, actor)]);
  return { unit, target: { unitCode: unit.code, parentCode: unit.parentCode, root, scope } };
}
