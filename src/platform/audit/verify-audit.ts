import { asc, gt } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { GENESIS_HASH, auditHash } from './append-audit.ts';
import { auditLog } from './schema.ts';

export type AuditVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAtId: number; reason: 'content_changed' | 'link_broken' };

/**
 * Walks the chain in id order. A changed row no longer matches its hash; a deleted or inserted row breaks the
 * link to its neighbour. Removing the newest rows leaves a valid shorter chain: compare the printed head hash
 * with one recorded elsewhere to catch that.
 */
export async function verifyAudit(db: Executor, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, entries, headHash: prevHash };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, entries, brokenAtId: row.id, reason: 'link_broken' };
      const expected = auditHash(prevHash, {
        at: row.at,
        actorId: row.actorId,
        unitCode: row.unitCode,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        ip: row.ip,
        requestId: row.requestId,
        details: row.details,
      });
      if (expected !== row.hash) return { ok: false, entries, brokenAtId: row.id, reason: 'content_changed' };
      prevHash = row.hash;
      lastId = row.id;
      entries++;
    }
  }
}
