// Factories for crossing points' tests, and for the border desk's tests that need a point of their own.
import crypto from 'node:crypto';
import type { Executor } from '../platform/db/index.ts';
import { crossingPoints, plbSwitches, type CrossingPointRow } from './schema.ts';

/**
 * A crossing point of the test's own (a seeded one is shared with every other test on PostgreSQL), taking the PLB
 * and, unless `plbAccepted` says otherwise, with the seed's switch: off since March 2020.
 */
export async function makeCrossingPoint(
  db: Executor,
  overrides: Partial<typeof crossingPoints.$inferInsert> & { plbAccepted?: boolean } = {},
): Promise<CrossingPointRow> {
  const { plbAccepted = false, ...values } = overrides;
  const code = `TEST-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const [point] = await db
    .insert(crossingPoints)
    .values({
      code,
      name: `Pos Uji ${code}`,
      kind: 'traditional',
      unitCode: 'KANIM-ATAMBUA',
      counterpart: 'Tunubibi',
      documents: ['passport', 'plb'],
      source: 'test',
      ...values,
    })
    .returning();
  await db
    .insert(plbSwitches)
    .values({ pointCode: code, accepts: plbAccepted, effectiveFrom: '2020-03-01', reason: 'test' });
  return point!;
}
