import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { findForeignersByDocument } from '../foreigners/list-foreigner-names.ts';
import type { TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import { recordForeigners } from '../foreigners/record-foreigners.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { sniffPhoto } from '../platform/storage/sniff.ts';
import { villageExists } from '../regions/queries.ts';
import { checkPermit } from './check-permit.ts';
import { lockOperation } from './perform-operation-action.ts';
import { authorize, authorizeRole } from './policy.ts';
import {
  partnerAgencies,
  timporaFindings,
  type FindingOutcome,
  type TimporaFinding,
  type ViolationType,
} from './schema.ts';
import { timporaViewer } from './timpora-viewer.ts';

/**
 * The person checked: the whole document (typed, or read from its MRZ: recorded in the register, new or known),
 * a document number to find in the register, or no document at all (the nationality as stated).
 */
export type FindingPerson =
  | { kind: 'document'; document: TravelDocumentFields }
  | { kind: 'lookup'; nationality: string; documentNumber: string }
  | { kind: 'undocumented'; nationality: string };

export type FindingInput = {
  operationId: string;
  person: FindingPerson;
  outcome: FindingOutcome;
  handedToAgencyId?: string | null;
  violation?: ViolationType | null;
  villageCode: string;
  foundAt?: Date;
  note: string;
  photos: Buffer[];
  requestId?: string | null;
};

async function resolvePerson(tx: Tx, person: FindingPerson) {
  if (person.kind === 'document') {
    const [id] = await recordForeigners(tx, [person.document]);
    return {
      foreignerId: id!,
      nationality: person.document.nationality,
      documentNumber: person.document.documentNumber,
    };
  }
  if (person.kind === 'undocumented')
    return { foreignerId: null, nationality: person.nationality, documentNumber: null };
  const found = await findForeignersByDocument(tx, person.nationality, person.documentNumber, { lock: true });
  const ids = [...new Set(found.map((f) => f.id))];
  // Two people with one number (or one typed wrongly): the full document tells them apart.
  if (ids.length !== 1)
    throw new AppError('validation_failed', {
      documentNumber: ids.length === 0 ? 'timpora.v.notInRegister' : 'timpora.v.severalInRegister',
    });
  return { foreignerId: ids[0]!, nationality: person.nationality, documentNumber: person.documentNumber };
}

async function findingErrors(tx: Tx, input: FindingInput, startsOn: string, foundAt: Date): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (!(await villageExists(tx, input.villageCode))) errors.villageCode = 'v.village';
  if (foundAt.getTime() > Date.now() + 5 * 60_000) errors.foundAt = 'timpora.v.foundInFuture';
  else if (witaDate(foundAt) < startsOn) errors.foundAt = 'timpora.v.foundBeforeStart';
  if (input.outcome === 'handed_to_agency') {
    const [agency] = input.handedToAgencyId
      ? await tx.select().from(partnerAgencies).where(eq(partnerAgencies.id, input.handedToAgencyId))
      : [];
    if (!agency) errors.handedToAgencyId = 'v.choose';
  } else if (input.handedToAgencyId) errors.handedToAgencyId = 'timpora.v.agencyOnlyWhenHanded';
  if (input.outcome === 'no_violation' && input.violation) errors.violation = 'timpora.v.violationWithNone';
  if (input.outcome !== 'no_violation' && !input.violation) errors.violation = 'v.choose';
  if (
    input.person.kind === 'undocumented' &&
    input.violation &&
    !['no_document', 'illegal_entry', 'other'].includes(input.violation)
  )
    errors.violation = 'timpora.v.undocumentedViolation';
  return errors;
}

/**
 * One check in the field, while the operation is in the field: the person (found in or added to the register), the
 * permit checked against the registry then and there, what the team did, where and when, and photos (sniffed). A
 * resent request id of the same officer (a weak link's retry) answers with the finding it made; the photos are stored once.
 */
export async function recordFinding(
  tx: Tx,
  caller: Caller,
  input: FindingInput,
  deps: { storage: Storage },
): Promise<{ finding: TimporaFinding; repeated: boolean }> {
  authorizeRole(caller.actor, 'timpora.operate');
  const operation = await lockOperation(tx, input.operationId);
  const viewer = await timporaViewer(tx, caller.actor!);
  authorize(caller.actor, 'timpora.operate', { unitCode: operation.unitCode, scope: viewer.scope });
  if (input.requestId) {
    const [made] = await tx
      .select()
      .from(timporaFindings)
      .where(
        and(
          eq(timporaFindings.operationId, operation.id),
          eq(timporaFindings.recordedBy, caller.actor!.id),
          eq(timporaFindings.requestId, input.requestId),
        ),
      );
    if (made) return { finding: made, repeated: true };
  }
  if (operation.status !== 'operation')
    throw new AppError('invalid_transition', undefined, { step: 'finding', status: operation.status });
  const foundAt = input.foundAt ?? new Date();
  const errors = await findingErrors(tx, input, operation.startsOn, foundAt);
  const types = await Promise.all(input.photos.map((p) => sniffPhoto(p)));
  if (types.some((t) => !t)) errors.photos = 'v.fileType';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const person = await resolvePerson(tx, input.person);
  const permit = await checkPermit(tx, person.foreignerId, witaDate(foundAt));
  const id = crypto.randomUUID();
  const photoKeys: string[] = [];
  for (const [i, bytes] of input.photos.entries()) {
    const key = `timpora/${operation.id}/${id}/photo-${i + 1}`;
    await deps.storage.put(key, bytes, types[i]!);
    photoKeys.push(key);
  }
  const [finding] = await tx
    .insert(timporaFindings)
    .values({
      id,
      operationId: operation.id,
      ...person,
      permitState: permit.state,
      permitId: permit.permitId,
      outcome: input.outcome,
      handedToAgencyId: input.handedToAgencyId ?? null,
      violation: input.violation ?? null,
      villageCode: input.villageCode,
      foundAt,
      note: input.note,
      photoKeys,
      recordedBy: caller.actor!.id,
      requestId: input.requestId ?? null,
    })
    .returning();
  await appendAudit(tx, caller, {
    action: 'timpora.finding.record',
    targetType: 'timpora_finding',
    targetId: id,
    unitCode: operation.unitCode,
    details: { operationId: operation.id, outcome: input.outcome, permitState: permit.state },
  });
  return { finding: finding!, repeated: false };
}
