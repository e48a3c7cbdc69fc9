import { asc, sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../db/index.ts';
import { entryLeafHash } from './append-audit.ts';
import { openCheckpoint, type Checkpoint, type Verifier } from './checkpoint.ts';
import { Frontier } from './merkle.ts';
import { entryOfRow } from './seal-audit.ts';
import { auditCheckpoints } from './schema.ts';

export type AuditFault =
  /** A sealed entry's row is gone. */
  | 'entry_missing'
  /** A sealed entry no longer hashes to its leaf. */
  | 'content_changed'
  /** The leaves skip or repeat a position. */
  | 'leaf_out_of_order'
  /** A stored checkpoint's signature fails the log's key, or its row says other than its signed text. */
  | 'bad_signature'
  /** The tree recomputed from the entries has another root than a signed checkpoint of the same size. */
  | 'checkpoint_mismatch'
  /** Leaves beyond the newest signed checkpoint: the sealer writes them with their checkpoint, so someone else did. */
  | 'unsigned_leaves'
  /** An entry the sealer has passed over is not in the tree: inserted behind it. */
  | 'unsealed_entry'
  /** The kept checkpoint covers more entries than the log now has. */
  | 'truncated'
  /** The log's first entries no longer make the kept checkpoint's root. */
  | 'inconsistent'
  /** The kept checkpoint is not one the log's key signed. */
  | 'checkpoint_invalid';

export type AuditVerification =
  | { ok: true; sealed: number; pending: number; checkpoints: number; root: string; checkedAgainst?: number }
  | { ok: false; fault: AuditFault; at?: number; detail: string };

type LeafRow = Parameters<typeof entryOfRow>[0] & {
  seq: number;
  entry_id: number;
  leaf_hash: string;
  id: number | null;
};

const fail = (fault: AuditFault, detail: string, at?: number): AuditVerification => ({ ok: false, fault, at, detail });

/**
 * Recomputes the whole tree from the entries themselves and compares it with every signed checkpoint, and with a
 * checkpoint kept outside (`kept`, as the Ombudsman keeps them): truncating the log, rewriting an entry, or
 * rewriting it and recomputing every hash after it is caught, since no one without the key can sign a new root and
 * the kept checkpoint's root must still come out of the log's first entries.
 */
export function verifyAudit(
  db: Db,
  verifier: Verifier,
  options: { kept?: string; batchSize?: number } = {},
): Promise<AuditVerification> {
  // One snapshot for the whole walk, so that a seal committing meanwhile is not taken for leaves without a checkpoint;
  // and no statement timeout, as the check for entries behind the sealer reads the whole log.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read read only`);
    await tx.execute(sql`set local statement_timeout = 0`);
    return verifyIn(tx, verifier, options);
  });
}

async function verifyIn(
  db: Executor,
  verifier: Verifier,
  options: { kept?: string; batchSize?: number },
): Promise<AuditVerification> {
  let kept: Checkpoint | undefined;
  if (options.kept !== undefined) {
    const opened = openCheckpoint(options.kept, verifier);
    if (!opened.ok) return fail('checkpoint_invalid', `the kept checkpoint: ${opened.reason}`);
    kept = opened.checkpoint;
  }
  const checkpoints = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.size));
  const roots = new Map<number, string>();
  for (const c of checkpoints) {
    const opened = openCheckpoint(c.note, verifier);
    if (!opened.ok || opened.checkpoint.size !== c.size || opened.checkpoint.root.toString('hex') !== c.root) {
      return fail('bad_signature', `checkpoint of size ${c.size}`, c.size);
    }
    roots.set(c.size, c.root);
  }
  const signed = checkpoints.at(-1);

  const frontier = new Frontier();
  const batch = options.batchSize ?? 5000;
  for (;;) {
    const rows = await queryRows<LeafRow>(
      db,
      sql`select l.seq::float8 as seq, l.entry_id::float8 as entry_id, l.hash as leaf_hash, a.id::float8 as id, a.at,
          a.actor_id, a.unit_code, a.action, a.target_type, a.target_id, a.ip, a.request_id, a.details
        from audit_leaves l left join audit_log a on a.id = l.entry_id
        where l.seq >= ${frontier.size} order by l.seq limit ${batch}`,
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== frontier.size) return fail('leaf_out_of_order', `leaf ${frontier.size} is missing`, frontier.size);
      if (row.id === null) return fail('entry_missing', `entry ${row.entry_id} of leaf ${seq}`, Number(row.entry_id));
      if (entryLeafHash(entryOfRow(row)) !== row.leaf_hash) {
        return fail('content_changed', `entry ${row.entry_id}`, Number(row.entry_id));
      }
      frontier.append(Buffer.from(row.leaf_hash, 'hex'));
      const root = roots.get(frontier.size);
      if (root !== undefined && frontier.root().toString('hex') !== root) {
        return fail('checkpoint_mismatch', `the tree of ${frontier.size} entries`, frontier.size);
      }
      if (kept && frontier.size === kept.size && !frontier.root().equals(kept.root)) {
        return fail('inconsistent', `the tree of ${kept.size} entries has another root`, kept.size);
      }
    }
    if (rows.length < batch) break;
  }
  if (kept && frontier.size < kept.size) {
    return fail('truncated', `the log has ${frontier.size} sealed entries, the kept checkpoint ${kept.size}`);
  }
  if (frontier.size > (signed?.size ?? 0)) {
    return fail('unsigned_leaves', `${frontier.size - (signed?.size ?? 0)} leaves after the last checkpoint`);
  }
  if (signed && frontier.size < signed.size) return fail('truncated', `leaves end at ${frontier.size}`);
  const [behind] = await queryRows<{ id: number }>(
    db,
    sql`select a.id::float8 as id from audit_log a
      where (a.xid, a.id) <= (${signed?.lastXid ?? '0'}::xid8, ${signed?.lastEntryId ?? 0}::bigint)
        and not exists (select 1 from audit_leaves l where l.entry_id = a.id)
      limit 1`,
  );
  if (behind) return fail('unsealed_entry', `entry ${behind.id}`, behind.id);
  const [pending] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from audit_log a
      where (a.xid, a.id) > (${signed?.lastXid ?? '0'}::xid8, ${signed?.lastEntryId ?? 0}::bigint)`,
  );
  return {
    ok: true,
    sealed: frontier.size,
    pending: pending?.n ?? 0,
    checkpoints: checkpoints.length,
    root: frontier.root().toString('hex'),
    ...(kept ? { checkedAgainst: kept.size } : {}),
  };
}
