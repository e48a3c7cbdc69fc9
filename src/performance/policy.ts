import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { organisationRoot } from '../units/organisation-root.ts';

export type PerformanceAction =
  | 'performance.catalogue'
  | 'performance.targets'
  | 'performance.edit_catalogue'
  | 'performance.open'
  | 'performance.freeze'
  | 'performance.read'
  | 'performance.write';

/** An officer, and whether they sit at the Kanwil (the organisation's root), which evaluates the units below it. */
export type PerformanceViewer = { actor: Actor; atKanwil: boolean };

export async function performanceViewer(db: Executor, actor: Actor): Promise<PerformanceViewer> {
  const atKanwil = actor.kind === 'officer' && !!actor.unitCode && actor.unitCode === (await organisationRoot(db));
  return { actor, atKanwil };
}

/**
 * Every officer but a partner agency's reads the catalogue. The Kanwil's admins and head keep the catalogue, set
 * targets and open a semester; only its head freezes one. Each unit's head writes their unit's notes and evidence and reads their unit's
 * evaluation; the Kanwil's head, admins and auditors read every unit's.
 */
const kanwilRoles: Record<PerformanceAction, readonly OfficerRole[]> = {
  'performance.catalogue': [
    'admin',
    'head_of_office',
    'counter_officer',
    'verifier',
    'adjudicator',
    'oversight_officer',
    'auditor',
  ],
  'performance.targets': ['admin', 'head_of_office'],
  'performance.edit_catalogue': ['admin', 'head_of_office'],
  'performance.open': ['admin', 'head_of_office'],
  'performance.freeze': ['head_of_office'],
  'performance.read': ['admin', 'head_of_office', 'auditor'],
  'performance.write': [],
};
const unitRoles: Record<PerformanceAction, readonly OfficerRole[]> = {
  ...kanwilRoles,
  'performance.targets': [],
  'performance.edit_catalogue': [],
  'performance.open': [],
  'performance.freeze': [],
  'performance.read': ['head_of_office'],
  'performance.write': ['head_of_office'],
};

/** Whether the viewer may do this anywhere at all (before any record is looked up). */
export function roleMay(viewer: PerformanceViewer, action: PerformanceAction): boolean {
  const { actor } = viewer;
  if (actor.kind !== 'officer' || !actor.role) return false;
  return (viewer.atKanwil ? kanwilRoles : unitRoles)[action].includes(actor.role);
}

/** Whether the viewer may do this to the given unit's evaluation: the Kanwil to every unit, a unit's head to their own. */
export function can(viewer: PerformanceViewer, action: PerformanceAction, unitCode?: string): boolean {
  if (!roleMay(viewer, action)) return false;
  return viewer.atKanwil || unitCode === undefined || unitCode === viewer.actor.unitCode;
}

export function authorizeRole(viewer: PerformanceViewer, action: PerformanceAction): void {
  if (!roleMay(viewer, action)) throw new AppError('forbidden');
}

export function authorize(viewer: PerformanceViewer, action: PerformanceAction, unitCode?: string): void {
  if (!can(viewer, action, unitCode)) throw new AppError('forbidden');
}
