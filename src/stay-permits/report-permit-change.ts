import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getStayPermit } from './get-stay-permit.ts';
import { isSponsorMember } from './is-sponsor-member.ts';
import { authorizeMember } from './policy.ts';
import { permitChangeReports, type ChangeKind, type PermitChangeReport } from './schema.ts';

/**
 * A sponsor's member reports a change of a sponsored foreigner (Pasal 63, 71): it reaches the office that holds the
 * permit, which acknowledges it. Only on the sponsor's own permits.
 */
export async function reportPermitChange(
  tx: Tx,
  caller: Caller,
  input: { sponsorId: string; permitId: string; kind: ChangeKind; details: string },
): Promise<PermitChangeReport> {
  authorizeMember(caller.actor, await isSponsorMember(tx, input.sponsorId, caller.actor?.id ?? ''));
  const permit = await getStayPermit(tx, input.permitId);
  if (permit.sponsorId !== input.sponsorId) throw new AppError('not_found');
  const [report] = await tx
    .insert(permitChangeReports)
    .values({
      permitId: permit.id,
      sponsorId: input.sponsorId,
      unitCode: permit.unitCode,
      kind: input.kind,
      details: input.details,
      reportedBy: caller.actor!.id,
    })
    .returning();
  await appendAudit(tx, caller, {
    action: 'stay_permit.change_reported',
    targetType: 'stay_permit',
    targetId: permit.id,
    unitCode: permit.unitCode,
    details: { reportId: report!.id, kind: input.kind },
  });
  return report!;
}
