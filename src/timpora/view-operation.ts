import { asc, desc, eq, inArray } from 'drizzle-orm';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import { findLodgings, type LodgingPlace } from '../lodgings/find-lodgings.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { findVillagePlaces } from '../regions/find-village-places.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { listTeamsByIds } from './manage-teams.ts';
import { initials, partialDocumentNumber } from './mask-identity.ts';
import { operationReport, type OperationReport } from './operation-report.ts';
import { authorize, authorizeRole } from './policy.ts';
import {
  operationActions,
  partnerAgencies,
  timporaFindings,
  timporaOperations,
  timporaOperationTargets,
  timporaOperationTeams,
  type TimporaFinding,
  type TimporaOperation,
  type TimporaTeam,
} from './schema.ts';
import { targetFor, timporaViewer, type TimporaViewer } from './timpora-viewer.ts';

export type FindingView = Omit<TimporaFinding, 'photoKeys' | 'requestId' | 'documentNumber'> & {
  /** The name, or its initials where the viewer sees no identity. */
  person: string | null;
  documentNumber: string | null;
  masked: boolean;
  handedToAgency: string | null;
  photos: number;
};
export type OperationView = {
  operation: TimporaOperation;
  teams: TimporaTeam[];
  lodgings: LodgingPlace[];
  villageCodes: string[];
  /** The target villages by name, with their kecamatan. */
  villageNames: string[];
  findings: FindingView[];
  report: OperationReport;
  history: { type: string; at: Date }[];
  viewer: TimporaViewer;
};

export async function operationTeamIds(db: Executor, operationId: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: timporaOperationTeams.teamId })
    .from(timporaOperationTeams)
    .where(eq(timporaOperationTeams.operationId, operationId));
  return rows.map((r) => r.teamId);
}

/** The operation alone, for a caller that authorizes it itself (the blank finding form). */
export async function getOperation(db: Executor, id: string): Promise<TimporaOperation> {
  const [operation] = await db.select().from(timporaOperations).where(eq(timporaOperations.id, id));
  if (!operation) throw new AppError('not_found');
  return operation;
}

async function findingViews(db: Executor, viewer: TimporaViewer, findings: TimporaFinding[]): Promise<FindingView[]> {
  const names = await listForeignerNames(
    db,
    findings.flatMap((f) => (f.foreignerId ? [f.foreignerId] : [])),
  );
  const agencyIds = [...new Set(findings.flatMap((f) => (f.handedToAgencyId ? [f.handedToAgencyId] : [])))];
  const agencies = agencyIds.length
    ? await db.select().from(partnerAgencies).where(inArray(partnerAgencies.id, agencyIds))
    : [];
  return findings.map(({ photoKeys, requestId: _, documentNumber, ...f }) => {
    // A partner sees who it is only when the person was handed to its own agency.
    const masked = viewer.partner !== null && f.handedToAgencyId !== viewer.partner.agencyId;
    const name = f.foreignerId ? names.get(f.foreignerId) : undefined;
    const person = name
      ? masked
        ? initials(name.surname, name.givenNames)
        : `${name.surname}, ${name.givenNames}`
      : null;
    return {
      ...f,
      foreignerId: masked ? null : f.foreignerId,
      person,
      documentNumber: documentNumber && masked ? partialDocumentNumber(documentNumber) : documentNumber,
      masked,
      handedToAgency: agencies.find((a) => a.id === f.handedToAgencyId)?.name ?? null,
      photos: photoKeys.length,
    };
  });
}

/**
 * An operation with its teams, targets, findings and report, for its unit's officers and the partners of its teams
 * (identities masked unless handed to their agency). Every read is in the audit trail.
 */
export async function viewOperation(tx: Tx, caller: Caller, operationId: string): Promise<OperationView> {
  authorizeRole(caller.actor, 'timpora.view_operation');
  const operation = await getOperation(tx, operationId);
  const teamIds = await operationTeamIds(tx, operation.id);
  const viewer = await timporaViewer(tx, caller.actor!);
  authorize(caller.actor, 'timpora.view_operation', targetFor(viewer, operation.unitCode, teamIds));
  const targets = await tx
    .select()
    .from(timporaOperationTargets)
    .where(eq(timporaOperationTargets.operationId, operation.id));
  const findings = await tx
    .select()
    .from(timporaFindings)
    .where(eq(timporaFindings.operationId, operation.id))
    .orderBy(asc(timporaFindings.foundAt));
  const history = await tx
    .select({ type: operationActions.type, at: operationActions.at })
    .from(operationActions)
    .where(eq(operationActions.operationId, operation.id))
    .orderBy(asc(operationActions.id));
  const villageCodes = targets.flatMap((t) => (t.villageCode ? [t.villageCode] : []));
  const places = await findVillagePlaces(tx, villageCodes);
  await appendAudit(tx, caller, {
    action: 'timpora.operation.read',
    targetType: 'timpora_operation',
    targetId: operation.id,
    unitCode: operation.unitCode,
    details: { findings: findings.length, ...(viewer.partner ? { partnerAgencyId: viewer.partner.agencyId } : {}) },
  });
  return {
    operation,
    teams: await listTeamsByIds(tx, teamIds),
    lodgings: await findLodgings(
      tx,
      targets.flatMap((t) => (t.lodgingId ? [t.lodgingId] : [])),
    ),
    villageCodes,
    villageNames: villageCodes.map((code) => {
      const place = places.get(code);
      return place ? `${place.villageName}, ${place.districtName ?? ''} (${code})` : code;
    }),
    findings: await findingViews(tx, viewer, findings),
    report: operationReport(findings),
    history,
    viewer,
  };
}

/** The operations the viewer may see: its unit scope's, or those a partner's teams take part in; newest first. */
export async function listOperations(db: Executor, viewer: TimporaViewer): Promise<TimporaOperation[]> {
  if (viewer.partner) {
    if (viewer.partner.teamIds.length === 0) return [];
    const ids = await db
      .selectDistinct({ id: timporaOperationTeams.operationId })
      .from(timporaOperationTeams)
      .where(inArray(timporaOperationTeams.teamId, viewer.partner.teamIds));
    if (ids.length === 0) return [];
    return db
      .select()
      .from(timporaOperations)
      .where(
        inArray(
          timporaOperations.id,
          ids.map((r) => r.id),
        ),
      )
      .orderBy(desc(timporaOperations.startsOn))
      .limit(200);
  }
  if (viewer.scope.length === 0) return [];
  return db
    .select()
    .from(timporaOperations)
    .where(inArray(timporaOperations.unitCode, viewer.scope))
    .orderBy(desc(timporaOperations.startsOn))
    .limit(200);
}
