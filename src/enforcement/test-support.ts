// Factories for the administrative action tests: a unit with its oversight officer and two heads, and the API.
import { makeOfficer, makeUnit } from '../../test/factories.ts';
import { bearerOf } from '../border-passes/test-support.ts';
import type { Executor } from '../platform/db/index.ts';
import type { App } from '../platform/http/server.ts';

/** A unit of the test's own with an oversight officer, two heads of office (four eyes) and a partner, with tokens. */
export async function makeEnforcementUnit(db: Executor) {
  const unit = await makeUnit(db);
  const unitCode = unit.code;
  const officer = await makeOfficer(db, { role: 'oversight_officer', unitCode });
  const head = await makeOfficer(db, { role: 'head_of_office', unitCode });
  const otherHead = await makeOfficer(db, { role: 'head_of_office', unitCode });
  const partner = await makeOfficer(db, { role: 'partner', unitCode });
  return {
    unitCode,
    officer,
    head,
    otherHead,
    partner,
    officerToken: await bearerOf(db, officer),
    headToken: await bearerOf(db, head),
    otherHeadToken: await bearerOf(db, otherHead),
    partnerToken: await bearerOf(db, partner),
  };
}

export type CaseReply = {
  id: string;
  status: string;
  steps: string[];
  overstayPaid: boolean;
  foreignerId: string;
  measures: {
    id: string;
    type: string;
    validUntil: string | null;
    watchlistEntryId: string | null;
    executedAt: string | null;
  }[];
  error?: { code: string; fields?: Record<string, string> };
};

/** Sends a JSON request with the token and, for writes, a fresh request id unless one is given. */
export async function callApi(
  app: App,
  token: string,
  method: 'GET' | 'POST',
  url: string,
  body?: Record<string, unknown>,
) {
  const res = await app.inject({
    method,
    url,
    headers: { authorization: token },
    ...(body ? { payload: { requestId: crypto.randomUUID(), ...body } } : {}),
  });
  return { status: res.statusCode, body: res.json<CaseReply>() };
}

/** Opens a case from a report about the person. */
export function openReportCase(app: App, token: string, unitCode: string, foreignerId: string) {
  return callApi(app, token, 'POST', '/api/v1/enforcement/cases', {
    unitCode,
    sourceKind: 'report',
    sourceRef: 'Surat Camat Oebobo 12/2026',
    foreignerId,
    grounds: 'Bekerja tanpa izin',
  });
}
