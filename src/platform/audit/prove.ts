import { eq } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { consistencyProof, inclusionProof, type Hash, type NodeAt } from './merkle.ts';
import { latestCheckpoint, readNodes } from './seal-audit.ts';
import { auditLeaves } from './schema.ts';

/**
 * Runs a proof's algorithm twice: once to learn which complete subtrees it reads (the shape of a proof depends only
 * on the sizes), then on those subtrees fetched in one query.
 */
async function withNodes(db: Executor, proof: (node: NodeAt) => Hash[]): Promise<string[]> {
  const wanted = new Map<string, { level: number; idx: number }>();
  proof((level, idx) => {
    wanted.set(`${level}/${idx}`, { level, idx });
    return Buffer.alloc(32);
  });
  const nodes = await readNodes(db, [...wanted.values()]);
  return proof((level, idx) => {
    const hash = nodes.get(`${level}/${idx}`);
    if (!hash) throw new Error(`the audit tree lacks node ${level}/${idx}`);
    return hash;
  }).map((h) => h.toString('hex'));
}

export type InclusionProof = { entryId: number; index: number; size: number; leafHash: string; proof: string[] };

/** The audit path of an entry in the tree of `size` leaves; null when the entry is not (yet) in that tree. */
export async function proveInclusion(db: Executor, entryId: number, size: number): Promise<InclusionProof | null> {
  const [leaf] = await db.select().from(auditLeaves).where(eq(auditLeaves.entryId, entryId));
  if (!leaf || leaf.seq >= size) return null;
  const proof = await withNodes(db, (node) => inclusionProof(node, leaf.seq, 0, size));
  return { entryId, index: leaf.seq, size, leafHash: leaf.hash, proof };
}

/** That the tree of `first` leaves is the start of the tree of `second` (both sizes of sealed trees). */
export function proveConsistency(db: Executor, first: number, second: number): Promise<string[]> {
  return withNodes(db, (node) => consistencyProof(node, first, second));
}

/**
 * What the log's public proofs answer: consistency between two sizes up to the newest signed checkpoint's (`from` not
 * beyond `to`), and an entry's inclusion in the tree of `size` leaves, the newest checkpoint's by default; null when
 * the log has not signed that far or the entry is not in that tree.
 */
export async function proveSignedConsistency(db: Executor, from: number, to: number): Promise<string[] | null> {
  if (from > to) throw new AppError('validation_failed', { from: 'v.auditSizes' });
  const last = await latestCheckpoint(db);
  return last && to <= last.size ? proveConsistency(db, from, to) : null;
}

export async function proveSignedInclusion(db: Executor, entryId: number, size?: number) {
  const last = await latestCheckpoint(db);
  if (!last) return null;
  const at = size ?? last.size;
  return at <= last.size ? proveInclusion(db, entryId, at) : null;
}
