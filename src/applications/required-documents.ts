import { asc, eq } from 'drizzle-orm';
import { ageOn, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { applicationDocuments, type Application, type DocumentKind } from './schema.ts';

/** One line of the checklist: any one of `kinds` satisfies it. */
export type DocumentRequirement = { id: string; kinds: DocumentKind[]; required: boolean };

const civilRecords: DocumentKind[] = ['akta_kelahiran', 'buku_nikah', 'ijazah', 'surat_baptis'];
const oldPassportKinds = new Set(['replacement', 'damaged', 'name_change']);

/**
 * What an applicant must bring (shared/domain.md). Adults: e-KTP, KK and one civil record. Children under 17: the
 * parents' KTP, the KK, the birth certificate and the parents' marriage book; a power of attorney when one parent
 * cannot come, and the parents' passports if they have them. The old passport when one is replaced.
 */
export function documentRequirements(
  application: Pick<Application, 'birthDate' | 'kind' | 'purpose'>,
  today: IsoDate,
): DocumentRequirement[] {
  const child = application.birthDate !== null && ageOn(application.birthDate, today) < 17;
  const one = (kind: DocumentKind, required = true): DocumentRequirement => ({ id: kind, kinds: [kind], required });
  const list = child
    ? [
        one('parent_ktp'),
        one('kk'),
        one('akta_kelahiran'),
        one('parent_marriage_book'),
        one('power_of_attorney', false),
        one('parent_passport', false),
      ]
    : [one('ektp'), one('kk'), { id: 'civil_record', kinds: civilRecords, required: true }];
  if (application.kind && oldPassportKinds.has(application.kind)) list.push(one('old_passport'));
  if (application.kind === 'name_change') list.push(one('name_change_decree'));
  if (application.purpose === 'work') list.push(one('pmi_recommendation', false));
  list.push(one('surat_pewarganegaraan', false));
  return list;
}

export const missingDocuments = (requirements: DocumentRequirement[], uploaded: readonly { kind: DocumentKind }[]) =>
  requirements.filter((r) => r.required && !uploaded.some((d) => r.kinds.includes(d.kind)));

export type DocumentSummary = {
  id: string;
  kind: DocumentKind;
  mediaType: string;
  size: number;
  originalName: string | null;
  uploadedAt: Date;
};

export function listDocuments(db: Executor, applicationId: string): Promise<DocumentSummary[]> {
  return db
    .select({
      id: applicationDocuments.id,
      kind: applicationDocuments.kind,
      mediaType: applicationDocuments.mediaType,
      size: applicationDocuments.size,
      originalName: applicationDocuments.originalName,
      uploadedAt: applicationDocuments.uploadedAt,
    })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, applicationId))
    .orderBy(asc(applicationDocuments.uploadedAt), asc(applicationDocuments.id));
}

/** Whether a draft has every required document, judged on `today` (a child's list differs from an adult's). */
export async function documentsComplete(db: Executor, application: Application, today: IsoDate): Promise<boolean> {
  return (
    missingDocuments(documentRequirements(application, today), await listDocuments(db, application.id)).length === 0
  );
}

/** Leaving the documents page needs every required document. */
export async function confirmDocuments(db: Executor, application: Application, today: IsoDate): Promise<void> {
  if (!(await documentsComplete(db, application, today)))
    throw new AppError('validation_failed', { documents: 'v.documentsMissing' });
}
