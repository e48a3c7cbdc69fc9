import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../auth/caller.ts';
import { preparedRows, type Executor } from '../db/index.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = {
  action: string;
  targetType?: string;
  targetId?: string;
  unitCode?: string | null;
  details?: Record<string, unknown>;
};

type ChainedFields = {
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

export function auditHash(prevHash: string, entry: ChainedFields): string {
  return crypto.createHash('sha256').update(prevHash).update(canonical(entry)).digest('hex');
}

/** Details as jsonb will give them back: undefined dropped (null in arrays), dates as ISO strings, no prototypes. */
function asStored(details: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
}

/** The entry as it is stored and hashed: the time is the application's, so it is known before the statement runs. */
function entryOf(caller: Caller, input: AuditInput): ChainedFields {
  return {
    at: new Date(),
    actorId: caller.actor?.id ?? null,
    unitCode: input.unitCode ?? caller.actor?.unitCode ?? null,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: caller.ip ?? null,
    requestId: caller.requestId ?? null,
    // Hash exactly what the database will return, or verification would report a change that never happened.
    details: asStored({ ...(caller.system ? { system: caller.system } : {}), ...(input.details ?? {}) }),
  };
}

/**
 * An SQL function call that appends one entry and yields it as an `audit_log` row (call it once, in FROM), for a use case whose one write statement also audits
 * (a booking decides and writes in one round trip). The database function `audit_append` takes the lock that
 * serialises appenders (held until the transaction ends, so the chain never forks), reads the chain's head with a
 * snapshot taken after the lock was granted, and hashes exactly as auditHash does (SHA-256 over the previous hash
 * and the canonical JSON, both UTF-8). Put it where it runs after the statement's other locks: at its end.
 */
export function auditAppendSql(caller: Caller, input: AuditInput): SQL {
  const e = entryOf(caller, input);
  return sql`audit_append(${e.at.toISOString()}::timestamptz, ${e.actorId}::uuid, ${e.unitCode}::text, ${e.action}::text,
    ${e.targetType}::text, ${e.targetId}::text, ${e.ip}::text, ${e.requestId}::text, ${JSON.stringify(e.details)}::jsonb,
    ${canonical(e)}::text)`;
}

/**
 * Appends one entry in one round trip: in the caller's transaction, as the last step of a use case that writes (the
 * lock is then held until its commit: keep that short), or on its own after a read (a search: the statement is its
 * own transaction, so the lock is held only while it runs).
 */
export async function appendAudit(
  tx: Executor,
  caller: Caller,
  input: AuditInput,
): Promise<{ id: number; hash: string }> {
  const [row] = await preparedRows<{ id: number; hash: string }>(
    tx,
    'audit_append',
    sql`select e.id::float8 as id, e.hash from ${auditAppendSql(caller, input)} e`,
  );
  return row!;
}
