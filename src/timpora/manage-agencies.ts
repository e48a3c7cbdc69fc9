import { asc, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { partnerAgencies, type AgencyKind, type PartnerAgency } from './schema.ts';

export function listAgencies(db: Executor): Promise<PartnerAgency[]> {
  return db.select().from(partnerAgencies).orderBy(asc(partnerAgencies.name));
}

export async function findAgencyByCode(db: Executor, code: string): Promise<PartnerAgency | undefined> {
  const [row] = await db.select().from(partnerAgencies).where(eq(partnerAgencies.code, code));
  return row;
}

/** A partner agency, once per code: the same code sent again answers with the agency already there. */
export async function createAgency(
  tx: Tx,
  caller: Caller,
  input: { code: string; name: string; kind: AgencyKind },
): Promise<PartnerAgency> {
  const known = await findAgencyByCode(tx, input.code);
  if (known) {
    if (known.name !== input.name || known.kind !== input.kind)
      throw new AppError('validation_failed', { code: 'timpora.v.agencyCodeTaken' });
    return known;
  }
  const [agency] = await tx.insert(partnerAgencies).values(input).returning();
  await appendAudit(tx, caller, {
    action: 'timpora.agency.create',
    targetType: 'partner_agency',
    targetId: agency!.id,
    details: { code: input.code, kind: input.kind },
  });
  return agency!;
}
