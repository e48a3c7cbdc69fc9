import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Caller } from '../auth/caller.ts';
import { preparedRows, type Tx } from '../db/index.ts';

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

/**
 * The lock that serialises appenders, as an SQL expression. A use case whose last write statement runs while it holds
 * a lock others queue on (a hot counter row) may take this lock at the end of that statement and pass `lockTaken` to
 * appendAudit, which saves a round trip while both are held. Always after the use case's own locks, never before.
 */
export const auditLockSql = sql`pg_advisory_xact_lock(7410002)`;

/**
 * Appends one entry in the caller's transaction (a transaction it must be: the advisory lock is held until commit,
 * which serialises appenders so the chain never forks; outside one, the lock would be released at once). Call it as
 * the last step of a use case to hold the lock briefly.
 *
 * Two round trips: the lock (unless `lockTaken`: taken by an earlier statement of this transaction), then one insert
 * that reads the chain's head and hashes in the database, exactly as auditHash does (SHA-256 over the previous hash
 * and the canonical JSON, both UTF-8). The head must be read by a statement that starts after the lock is granted:
 * a statement's snapshot is taken when it starts.
 */
export async function appendAudit(
  tx: Tx,
  caller: Caller,
  input: AuditInput,
  options: { lockTaken?: boolean } = {},
): Promise<{ id: number; hash: string }> {
  if (!options.lockTaken) await preparedRows(tx, 'audit_lock', sql`select ${auditLockSql}`);
  const entry: ChainedFields = {
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
  const [row] = await preparedRows<{ id: number; hash: string }>(
    tx,
    'audit_append',
    sql`
      insert into audit_log (at, actor_id, unit_code, action, target_type, target_id, ip, request_id, details, prev_hash, hash)
      select ${entry.at.toISOString()}::timestamptz, ${entry.actorId}::uuid, ${entry.unitCode}, ${entry.action}, ${entry.targetType}, ${entry.targetId},
        ${entry.ip}, ${entry.requestId}, ${JSON.stringify(entry.details)}::jsonb,
        head.hash, encode(sha256(convert_to(head.hash || ${canonical(entry)}, 'UTF8')), 'hex')
      from (select coalesce((select hash from audit_log order by id desc limit 1), ${GENESIS_HASH}) as hash) head
      returning id::float8 as id, hash`,
  );
  return row!;
}
