import { getCrossing } from '../border/find-crossing.ts';
import type { Crossing } from '../border/schema.ts';
import { findOverstayForCase } from '../overstays/find-overstay.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { findFindingForCase } from '../timpora/find-finding.ts';
import type { CaseSource } from './schema.ts';

export type CaseSourceInput = { kind: CaseSource; ref: string; foreignerId?: string | null };
/** The person the source names, and the unit that holds the source record (none for a report). */
export type ResolvedSource = { foreignerId: string; sourceUnit: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const refused = (fields: FieldErrors): never => {
  throw new AppError('validation_failed', fields);
};

/** The crossing, or none: an unknown id is the form's error, not a missing page. */
async function crossingOf(db: Executor, id: string): Promise<Crossing | null> {
  try {
    return await getCrossing(db, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/** A person named by the source must be the one the form names, when it names one. */
function samePerson(input: CaseSourceInput, foreignerId: string | null): string {
  if (!foreignerId) return refused({ sourceRef: 'enforcement.v.sourceNoPerson' });
  if (input.foreignerId && input.foreignerId !== foreignerId) refused({ foreignerId: 'enforcement.v.notSourcePerson' });
  return foreignerId;
}

/**
 * What a case's source says: a Timpora finding with a violation, an overstay (overstays' query) or a crossing the
 * supervisor refused or handed over (border's) names its unit and, mostly, the person; a finding of someone without a
 * document takes the person the officer has since registered, and a report names the person in the form.
 */
export async function resolveCaseSource(db: Executor, input: CaseSourceInput): Promise<ResolvedSource> {
  if (input.kind !== 'report' && !UUID.test(input.ref)) refused({ sourceRef: 'enforcement.v.sourceRef' });
  if (input.kind === 'finding') {
    const finding = await findFindingForCase(db, input.ref);
    if (!finding) return refused({ sourceRef: 'enforcement.v.sourceNotFound' });
    if (!finding.violation) refused({ sourceRef: 'enforcement.v.findingNoViolation' });
    const foreignerId = samePerson(input, finding.foreignerId ?? input.foreignerId ?? null);
    return { foreignerId, sourceUnit: finding.unitCode };
  }
  if (input.kind === 'overstay') {
    const overstay = await findOverstayForCase(db, input.ref);
    if (!overstay) return refused({ sourceRef: 'enforcement.v.sourceNotFound' });
    return { foreignerId: samePerson(input, overstay.foreignerId), sourceUnit: overstay.unitCode };
  }
  if (input.kind === 'crossing') {
    const crossing = await crossingOf(db, input.ref);
    if (!crossing) return refused({ sourceRef: 'enforcement.v.sourceNotFound' });
    if (crossing.status !== 'refused' && crossing.status !== 'handed_over')
      refused({ sourceRef: 'enforcement.v.crossingNotStopped' });
    return { foreignerId: samePerson(input, crossing.foreignerId), sourceUnit: crossing.unitCode };
  }
  if (!input.foreignerId) return refused({ foreignerId: 'v.required' });
  return { foreignerId: input.foreignerId, sourceUnit: null };
}
