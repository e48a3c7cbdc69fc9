import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** SQL for the name of the unit with this code, null for none: for other features' queries to show or sort by. */
export function unitNameSql(unitCode: SQLWrapper): SQL<string | null> {
  return sql<string | null>`(select u.name from units u where u.code = ${unitCode})`;
}
