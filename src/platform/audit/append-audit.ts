import crypto from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Caller } from '../auth/caller.ts';
import type { Tx } from '../db/index.ts';
import { auditLog } from './schema.ts';

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
 * Appends one entry in the caller's transaction (a transaction it must be: the advisory lock is held until commit,
 * which serialises appenders so the chain never forks; outside one, the lock would be released at once). Call it as
 * the last step of a use case to hold the lock briefly.
 */
export async function appendAudit(tx: Tx, caller: Caller, input: AuditInput): Promise<{ id: number; hash: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(7410002)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
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
  const [row] = await tx
    .insert(auditLog)
    .values({ ...entry, prevHash, hash: auditHash(prevHash, entry) })
    .returning({ id: auditLog.id, hash: auditLog.hash });
  return row!;
}
