import { and, count, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordAction } from './actions.ts';
import { applications } from './schema.ts';
import { newTrackingCode } from './tracking-code.ts';

/**
 * Opens an empty draft for the caller, for themselves or a family member. Open drafts are capped like applicants
 * are, so an account cannot pile up drafts; a draft no longer wanted can be discarded.
 */
export async function startApplication(
  tx: Tx,
  caller: Caller,
  limits: { applicantsPerAccount: number },
): Promise<{ id: string }> {
  const accountId = caller.actor!.id;
  const [open] = await tx
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.accountId, accountId), eq(applications.status, 'draft')));
  if ((open?.n ?? 0) >= limits.applicantsPerAccount) throw new AppError('conflict', { _form: 'v.tooManyDrafts' });
  const [row] = await tx
    .insert(applications)
    .values({ accountId, trackingCode: newTrackingCode(), status: 'draft' })
    .returning({ id: applications.id });
  await recordAction(tx, caller, { applicationId: row!.id, type: 'started', status: 'draft' });
  await appendAudit(tx, caller, { action: 'application.start', targetType: 'application', targetId: row!.id });
  return { id: row!.id };
}
