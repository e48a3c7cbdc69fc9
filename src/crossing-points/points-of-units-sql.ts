import { sql, type SQL } from 'drizzle-orm';
import { crossingPoints } from './schema.ts';

/** The codes of the crossing points the given units inspect, as a subquery another feature's count can filter on. */
export const pointsOfUnits = (unitCodes: readonly string[]): SQL =>
  sql`(select ${crossingPoints.code} from ${crossingPoints} where ${crossingPoints.unitCode} in ${unitCodes})`;

/** The unit that inspects a crossing point, for counts grouped by unit. */
export const unitOfPoint = (pointCode: SQL): SQL =>
  sql`(select ${crossingPoints.unitCode} from ${crossingPoints} where ${crossingPoints.code} = ${pointCode})`;
