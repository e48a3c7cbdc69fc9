import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { foreigners } from './schema.ts';

/** A person's nationality as an expression another feature's set-based count can group by (open figures). */
export function nationalityOf(foreignerId: AnyPgColumn | SQL): SQL {
  return sql`(select ${foreigners.nationality} from ${foreigners} where ${foreigners.id} = ${foreignerId})`;
}
