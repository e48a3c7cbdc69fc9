import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id, compared and sorted as a number; carried as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Writers only insert; `xid` (the writing transaction)
 * lets the sealer take every entry once its transaction has ended, in one order, with no lock among writers.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    unitCode: text('unit_code'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    xid: xid8('xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_xid_idx').on(t.xid, t.id),
  ],
);

/** The log's order: leaf `seq` of the Merkle tree is entry `entryId`, with its leaf hash (RFC 9162), hex. */
export const auditLeaves = pgTable('audit_leaves', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  entryId: bigint('entry_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => auditLog.id),
  hash: text('hash').notNull(),
});

/** The tree's complete interior nodes (level ≥ 1; level 0 is audit_leaves), kept for proofs. */
export const auditNodes = pgTable(
  'audit_nodes',
  {
    level: smallint('level').notNull(),
    idx: bigint('idx', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

/**
 * Each seal's signed checkpoint (a C2SP signed note: origin, size, root), and where the sealer stopped: every entry
 * up to (`lastXid`, `lastEntryId`) in (xid, id) order is in the tree.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  size: bigint('size', { mode: 'number' }).primaryKey(),
  root: text('root').notNull(),
  lastXid: xid8('last_xid').notNull(),
  lastEntryId: bigint('last_entry_id', { mode: 'number' }).notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  note: text('note').notNull(),
});
