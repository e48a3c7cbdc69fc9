import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { timporaFindings, timporaOperations } from './schema.ts';

/**
 * A finding as an administrative action case starts from it (enforcement): who, what was wrong, what the team did,
 * and the unit that ran the operation. No authorisation here: the caller has decided who may open a case.
 */
export async function findFindingForCase(
  db: Executor,
  findingId: string,
): Promise<{
  id: string;
  operationId: string;
  unitCode: string;
  foreignerId: string | null;
  violation: string | null;
  outcome: string;
  foundAt: Date;
} | null> {
  const [row] = await db
    .select({
      id: timporaFindings.id,
      operationId: timporaFindings.operationId,
      unitCode: timporaOperations.unitCode,
      foreignerId: timporaFindings.foreignerId,
      violation: timporaFindings.violation,
      outcome: timporaFindings.outcome,
      foundAt: timporaFindings.foundAt,
    })
    .from(timporaFindings)
    .innerJoin(timporaOperations, eq(timporaOperations.id, timporaFindings.operationId))
    .where(eq(timporaFindings.id, findingId));
  return row ?? null;
}
