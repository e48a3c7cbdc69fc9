import { setTimeout as sleep } from 'node:timers/promises';
import { desc, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../db/index.ts';
import { entryLeafHash } from './append-audit.ts';
import { openCheckpoint, type Signer } from './checkpoint.ts';
import { Frontier, type Hash } from './merkle.ts';
import { auditCheckpoints, auditLeaves, auditNodes } from './schema.ts';

/** The sealers' lock: one seal at a time across every process on the database. */
const SEAL_LOCK = 7410003;
const BATCH = 2000;
/** How long a waiting seal waits for the transactions running when it was asked (see untilSettled). */
export const SETTLE_MS = 30_000;

export type Sealed = { size: number; root: string; note: string; added: number };

type EntryRow = {
  id: number;
  xid: string;
  at: Date | string;
  actor_id: string | null;
  unit_code: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown> | string;
};

/** A raw row as the verifier and the sealer both read it (drivers differ on timestamps and jsonb). */
export function entryOfRow(row: EntryRow) {
  return {
    id: Number(row.id),
    at: new Date(row.at),
    actorId: row.actor_id,
    unitCode: row.unit_code,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    requestId: row.request_id,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
  };
}

/** The hashes of complete subtrees (level 0: leaves), by position. */
export async function readNodes(db: Executor, positions: { level: number; idx: number }[]): Promise<Map<string, Hash>> {
  const found = new Map<string, Hash>();
  if (positions.length === 0) return found;
  const wanted = sql.join(
    positions.map((p) => sql`(${p.level}::int, ${p.idx}::bigint)`),
    sql`, `,
  );
  const rows = await queryRows<{ level: number; idx: string | number; hash: string }>(
    db,
    sql`with wanted(level, idx) as (values ${wanted})
      select w.level, w.idx, coalesce(l.hash, n.hash) as hash from wanted w
      left join audit_leaves l on w.level = 0 and l.seq = w.idx
      left join audit_nodes n on w.level > 0 and n.level = w.level and n.idx = w.idx`,
  );
  for (const r of rows) if (r.hash) found.set(`${r.level}/${Number(r.idx)}`, Buffer.from(r.hash, 'hex'));
  return found;
}

/**
 * Committed entries after `(xid, id)` whose transactions have all ended, in the log's order; none already in the
 * tree (after a logical restore into another cluster the cursor starts again from 0 among the restored ones).
 */
function nextEntries(xid: string, id: number, limit: number): SQL {
  return sql`select a.id::float8 as id, a.xid::text as xid, a.at, a.actor_id, a.unit_code, a.action, a.target_type,
      a.target_id, a.ip, a.request_id, a.details
    from audit_log a
    where (a.xid, a.id) > (${xid}::xid8, ${id}::bigint)
      and a.xid < pg_snapshot_xmin(pg_current_snapshot())
      and not exists (select 1 from audit_leaves l where l.entry_id = a.id)
    order by a.xid, a.id
    limit ${limit}`;
}

/** Where the last seal stopped, or the start when this database's transaction ids are below it (a new cluster). */
async function cursorAfter(tx: Executor, last: { lastXid: string; lastEntryId: number } | null) {
  if (!last) return { xid: '0', id: 0 };
  const [now] = await queryRows<{ xid: string }>(tx, sql`select pg_current_xact_id()::text as xid`);
  return BigInt(now!.xid) > BigInt(last.lastXid) ? { xid: last.lastXid, id: last.lastEntryId } : { xid: '0', id: 0 };
}

/**
 * Refuses to extend a tree that does not end where the newest checkpoint says, or whose checkpoint another key
 * signed: every later checkpoint would be validly signed and wrong, or a second key would sign the same log.
 */
function assertResumable(last: { note: string; root: string } | null, frontier: Frontier, signer: Signer): void {
  if (!last) return;
  if (!openCheckpoint(last.note, signer.verifier).ok) {
    throw new Error("the newest audit checkpoint is not signed by this process's key: check AUDIT_SIGNING_KEY_FILE");
  }
  if (frontier.root().toString('hex') !== last.root) {
    throw new Error('the stored audit tree does not end at the newest checkpoint: run sikoe audit verify');
  }
}

/**
 * Waits, up to `maxMs`, until every transaction running when called has ended; false when some still ran then.
 * Transaction ids are the cluster's, so a long transaction in any database on it holds sealing back.
 */
export async function untilSettled(db: Db, maxMs: number): Promise<boolean> {
  const xmax = sql`pg_snapshot_xmax(pg_current_snapshot())`;
  const [start] = await queryRows<{ xmax: string }>(db, sql`select ${xmax}::text as xmax`);
  const deadline = Date.now() + maxMs;
  for (let pause = 10; Date.now() < deadline; pause = Math.min(pause * 2, 250)) {
    const [now] = await queryRows<{ settled: boolean }>(
      db,
      sql`select pg_snapshot_xmin(pg_current_snapshot()) >= ${start!.xmax}::xid8 as settled`,
    );
    if (now?.settled) return true;
    await sleep(pause);
  }
  return false;
}

/**
 * Orders every audit entry whose transaction has ended into the log's Merkle tree, stores the tree's new complete
 * nodes and a checkpoint signed by `signer`, in one transaction; null when another process is sealing (unless
 * `wait`), or when nothing is new. An entry's transaction id decides its turn: everything below the oldest running
 * transaction is final, so no entry can turn up later among those already sealed, and writers never wait on the
 * sealer or on each other. With `wait` it also waits for the transactions running when called (see untilSettled),
 * so that what had committed by then is sealed.
 */
export async function sealAudit(
  db: Db,
  signer: Signer,
  options: { wait?: boolean; maxEntries?: number } = {},
): Promise<Sealed | null> {
  if (options.wait) await untilSettled(db, SETTLE_MS);
  return db.transaction(async (tx) => {
    // Each statement sees what has committed before it: the newest checkpoint after the lock, new entries per batch.
    await tx.execute(sql`set transaction isolation level read committed`);
    const lock = options.wait
      ? sql`select pg_advisory_xact_lock(${SEAL_LOCK}) is not null as got`
      : sql`select pg_try_advisory_xact_lock(${SEAL_LOCK}) as got`;
    const [turn] = await queryRows<{ got: boolean }>(tx, lock);
    if (!turn?.got) return null;
    const last = await latestCheckpoint(tx);
    const size = last?.size ?? 0;
    const positions = Frontier.positions(size);
    const nodes = await readNodes(tx, positions);
    const frontier = new Frontier(
      size,
      positions.map(({ level, idx }) => nodes.get(`${level}/${idx}`)!),
    );
    assertResumable(last, frontier, signer);
    let after = await cursorAfter(tx, last);
    const max = options.maxEntries ?? 50_000;
    while (frontier.size - size < max) {
      const limit = Math.min(BATCH, max - (frontier.size - size));
      const rows = await queryRows<EntryRow>(tx, nextEntries(after.xid, after.id, limit));
      if (rows.length === 0) break;
      const leaves: (typeof auditLeaves.$inferInsert)[] = [];
      const completed: (typeof auditNodes.$inferInsert)[] = [];
      for (const row of rows) {
        const hash = entryLeafHash(entryOfRow(row));
        leaves.push({ seq: frontier.size, entryId: Number(row.id), hash });
        frontier.append(Buffer.from(hash, 'hex'), (level, idx, node) =>
          completed.push({ level, idx, hash: node.toString('hex') }),
        );
      }
      await tx.insert(auditLeaves).values(leaves);
      if (completed.length > 0) await tx.insert(auditNodes).values(completed);
      const tail = rows.at(-1)!;
      after = { xid: tail.xid, id: Number(tail.id) };
      if (rows.length < limit) break;
    }
    if (frontier.size === size) return null;
    const root = frontier.root();
    const note = signer.sign({ origin: signer.name, size: frontier.size, root });
    await tx.insert(auditCheckpoints).values({
      size: frontier.size,
      root: root.toString('hex'),
      lastXid: after.xid,
      lastEntryId: after.id,
      note,
    });
    return { size: frontier.size, root: root.toString('hex'), note, added: frontier.size - size };
  });
}

/** The newest signed checkpoint, or null before the first seal. */
export async function latestCheckpoint(db: Executor): Promise<typeof auditCheckpoints.$inferSelect | null> {
  const [last] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.size)).limit(1);
  return last ?? null;
}
