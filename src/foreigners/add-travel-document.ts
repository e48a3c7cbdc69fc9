import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { getForeigner } from './get-foreigner.ts';
import { authorize } from './policy.ts';
import type { TravelDocumentFields } from './read-travel-document-mrz.ts';
import { foreigners, travelDocuments } from './schema.ts';

/**
 * An officer with the person and their new passport in front of them links it to the person's record: the old
 * passport stays in the history, reports under the new one find the same person, and the name and sex become the
 * newest document's. A document already known is refused when it is someone else's (two records of one person are
 * merged by hand, not here) and changes nothing when it is already this person's.
 */
export async function addTravelDocument(tx: Tx, caller: Caller, foreignerId: string, doc: TravelDocumentFields) {
  authorize(caller.actor, 'foreigner.addDocument');
  const [person] = await tx.select().from(foreigners).where(eq(foreigners.id, foreignerId)).for('update');
  if (!person) throw notFound();
  if (doc.birthDate !== person.birthDate)
    throw new AppError('validation_failed', { birthDate: 'foreigners.v.otherBirthDate' });
  const [added] = await tx
    .insert(travelDocuments)
    .values({
      foreignerId,
      nationality: doc.nationality,
      number: doc.documentNumber,
      birthDate: doc.birthDate,
      issuingState: doc.issuingState,
      expiresOn: doc.expiresOn,
    })
    .onConflictDoNothing()
    .returning();
  if (!added) {
    const record = await getForeigner(tx, foreignerId);
    if (record.documents.some((d) => d.nationality === doc.nationality && d.number === doc.documentNumber))
      return record;
    throw new AppError('conflict', { documentNumber: 'foreigners.v.documentOfAnother' });
  }
  await tx
    .update(foreigners)
    .set({
      nationality: doc.nationality,
      surname: doc.surname,
      givenNames: doc.givenNames,
      sex: doc.sex,
      updatedAt: new Date(),
    })
    .where(eq(foreigners.id, foreignerId));
  await appendAudit(tx, caller, {
    action: 'foreigner.addDocument',
    targetType: 'foreigner',
    targetId: foreignerId,
    details: { nationality: doc.nationality },
  });
  return getForeigner(tx, foreignerId);
}
