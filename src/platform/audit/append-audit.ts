import { sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../auth/caller.ts';
import { preparedRows, type Executor } from '../db/index.ts';
import { leafHash } from './merkle.ts';

export type AuditInput = {
  action: string;
  targetType?: string;
  targetId?: string;
  unitCode?: string | null;
  details?: Record<string, unknown>;
};

/** What an entry's leaf hash covers: all of it. */
export type EntryFields = {
  id: number;
  at: Date;
  actorId: string | null;
  unitCode: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
};

/** JSON with sorted keys, so that jsonb's reordering in the database does not change the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}

/** The entry's leaf hash in the log's Merkle tree, hex: the sealer stores it, the verifier recomputes it. */
export function entryLeafHash(entry: EntryFields): string {
  const { id, at, actorId, unitCode, action, targetType, targetId, ip, requestId, details } = entry;
  const fields = { id, at, actorId, unitCode, action, targetType, targetId, ip, requestId, details };
  return leafHash(Buffer.from(canonical(fields))).toString('hex');
}

/** Details as jsonb will give them back: undefined dropped (null in arrays), dates as ISO strings, no prototypes. */
function asStored(details: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
}

/** The entry as it is stored: the time is the application's, so it is known before the statement runs. */
function entryOf(caller: Caller, input: AuditInput): Omit<EntryFields, 'id'> {
  return {
    at: new Date(),
    actorId: caller.actor?.id ?? null,
    unitCode: input.unitCode ?? caller.actor?.unitCode ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: caller.ip ?? null,
    requestId: caller.requestId ?? null,
    // Store what hashes the same when read back, or verification would report a change that never happened.
    details: asStored({ ...(caller.system ? { system: caller.system } : {}), ...(input.details ?? {}) }),
  };
}

/**
 * An SQL function call that appends one entry and yields it as an `audit_log` row (call it once, in FROM), for a use
 * case whose one write statement also audits (a booking decides and writes in one round trip). The database function
 * `audit_append` only inserts: writers share no lock; the sealer puts the entry into the log's tree once the
 * writing transaction has ended.
 */
export function auditAppendSql(caller: Caller, input: AuditInput): SQL {
  const e = entryOf(caller, input);
  return sql`audit_append(${e.at.toISOString()}::timestamptz, ${e.actorId}::uuid, ${e.unitCode}::text, ${e.action}::text,
    ${e.targetType}::text, ${e.targetId}::text, ${e.ip}::text, ${e.requestId}::text, ${JSON.stringify(e.details)}::jsonb)`;
}

/** Appends one entry in one round trip, in the caller's transaction (or on its own, after a read such as a search). */
export async function appendAudit(tx: Executor, caller: Caller, input: AuditInput): Promise<{ id: number }> {
  const [row] = await preparedRows<{ id: number }>(
    tx,
    'audit_append',
    sql`select e.id::float8 as id from ${auditAppendSql(caller, input)} e`,
  );
  return row!;
}
