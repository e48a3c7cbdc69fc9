import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';
import { complaints, type Complaint } from './schema.ts';

export type ComplaintAction = 'complaint.view' | 'complaint.handle' | 'complaint.record';

/**
 * The integrity capability (the Zona Integritas unit that handles whistle-blowing): the officer roles have no
 * `integrity` role and the schema is not ours to change, so an oversight officer of the regional office holds it.
 * Oversight officers of other units hold nothing here.
 */
export const INTEGRITY_ROLE: OfficerRole = 'oversight_officer';
export const INTEGRITY_UNIT = 'KANWIL-NTT';

/** Heads of office and verifiers handle ordinary complaints of their scope; auditors (the Ombudsman) read everything. */
const handlers: readonly OfficerRole[] = ['head_of_office', 'verifier'];
const roles: Record<ComplaintAction, readonly OfficerRole[]> = {
  'complaint.view': [...handlers, INTEGRITY_ROLE, 'auditor'],
  'complaint.handle': [...handlers, INTEGRITY_ROLE],
  /** Typing in a complaint that came by phone, WhatsApp, at the counter or from SP4N-LAPOR!. */
  'complaint.record': [...handlers, 'counter_officer'],
};

type Officer = Pick<Actor, 'kind' | 'role' | 'unitCode'>;
export const holdsIntegrity = (o: Officer): boolean =>
  o.kind === 'officer' && o.role === INTEGRITY_ROLE && o.unitCode === INTEGRITY_UNIT;
export const isIntegrity = (actor: Actor | null): boolean => !!actor && holdsIntegrity(actor);
export const isAuditor = (actor: Actor | null): boolean => actor?.kind === 'officer' && actor.role === 'auditor';

/** Whether the officer's role opens the action at all, before any complaint is looked up. */
export function roleMay(actor: Actor | null, action: ComplaintAction): boolean {
  return actor?.kind === 'officer' && !!actor.role && roles[action].includes(actor.role);
}

export function authorizeRole(actor: Actor | null, action: ComplaintAction): void {
  if (!roleMay(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}

type Target = Pick<Complaint, 'type' | 'unitCode' | 'subjectOfficerId' | 'subjectName'>;

/**
 * A reported officer's name compared as ASCII letters only, so "Budi  Santoso," written by a reporter matches the
 * account "budi santoso"; accented letters drop out, as in the SQL of `visibleWhere` below (watchlist's `nameKey`
 * folds accents instead: a different rule for a different list).
 */
export const subjectNameKey = (name: string | null | undefined) => (name ?? '').toLowerCase().replace(/[^a-z]/g, '');
const isSubject = (actor: Actor, c: Pick<Complaint, 'subjectOfficerId' | 'subjectName'>) =>
  c.subjectOfficerId === actor.id || (!!c.subjectName && subjectNameKey(c.subjectName) === subjectNameKey(actor.name));

/**
 * Whistle-blowing reports are seen only by the integrity officers (never by the one reported); the unit of the
 * officer reported never sees them, because heads and verifiers see no whistle-blowing at all, and the auditors
 * (the Ombudsman) see them only as counts with their deadlines (whistleblowingDeadlines), never their contents.
 * Ordinary complaints: the handlers of the unit's scope, and the auditors.
 */
export function can(
  actor: Actor | null,
  action: 'complaint.view' | 'complaint.handle',
  c: Target,
  scope: readonly string[],
): boolean {
  if (!roleMay(actor, action) || !actor) return false;
  if (isSubject(actor, c)) return false;
  if (c.type === 'whistleblowing') return isIntegrity(actor);
  if (isAuditor(actor)) return action === 'complaint.view';
  return handlers.includes(actor.role!) && scope.includes(c.unitCode);
}

/** The same rule as `can(…, 'complaint.view')`, as a condition on the complaints table for lists and exports. */
export function visibleWhere(actor: Actor | null, scope: readonly string[]): SQL {
  if (!actor || !roleMay(actor, 'complaint.view')) return sql`false`;
  const notAboutMe = and(
    or(isNull(complaints.subjectOfficerId), ne(complaints.subjectOfficerId, actor.id)),
    sql`coalesce(regexp_replace(lower(${complaints.subjectName}), '[^a-z]', '', 'g'), '') <> ${subjectNameKey(actor.name)}`,
  )!;
  if (isAuditor(actor)) return and(ne(complaints.type, 'whistleblowing'), notAboutMe)!;
  if (actor.role === INTEGRITY_ROLE)
    return isIntegrity(actor) ? and(eq(complaints.type, 'whistleblowing'), notAboutMe)! : sql`false`;
  if (scope.length === 0) return sql`false`;
  return and(ne(complaints.type, 'whistleblowing'), inArray(complaints.unitCode, [...scope]))!;
}

/** Whose eyes may see the subject's name: only the integrity officers handling the report. */
export const maySeeSubject = (actor: Actor | null) => isIntegrity(actor);
