import { buildTd3 } from '../passports/mrz.ts';
import type { Executor } from '../platform/db/index.ts';
import type { TravelDocumentFields } from './read-travel-document-mrz.ts';
import { recordForeigners } from './record-foreigners.ts';

/** A valid travel document with a passport number no other test uses. */
export function makeTravelDocument(overrides: Partial<TravelDocumentFields> = {}): TravelDocumentFields {
  return {
    surname: 'SMITH',
    givenNames: 'JOHN PETER',
    nationality: 'AUS',
    issuingState: 'AUS',
    documentNumber: `PA${crypto.randomUUID().replace(/-/g, '').slice(0, 7).toUpperCase()}`,
    birthDate: '1980-01-01',
    sex: 'M',
    expiresOn: '2030-01-01',
    ...overrides,
  };
}

/** The document's two MRZ lines, with true check digits (passports' own TD3 writer). */
export function mrzOf(doc: TravelDocumentFields): string {
  const [line1, line2] = buildTd3({
    issuingState: doc.issuingState.replace(/<+$/, ''),
    nationality: doc.nationality.replace(/<+$/, ''),
    documentNumber: doc.documentNumber,
    name: { primary: doc.surname, secondary: doc.givenNames || null },
    birthDate: doc.birthDate,
    sex: doc.sex,
    expiryDate: doc.expiresOn ?? '2030-01-01',
  });
  return `${line1}\n${line2}`;
}

/** A foreigner in the register; returns the person's id with the document. */
export async function makeForeigner(db: Executor, overrides: Partial<TravelDocumentFields> = {}) {
  const doc = makeTravelDocument(overrides);
  const [id] = await db.transaction((tx) => recordForeigners(tx, [doc]));
  return { id: id!, doc };
}
