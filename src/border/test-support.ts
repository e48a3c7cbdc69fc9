// Factories for the crossing desk's tests: a point of the test's own, its desk officer and supervisor, and the API.
import type { App } from '../platform/http/server.ts';
import { makeOfficer } from '../../test/factories.ts';
import { bearerOf } from '../border-passes/test-support.ts';
import { makeCrossingPoint } from '../crossing-points/test-support.ts';
import type { Executor } from '../platform/db/index.ts';

/** A point at Atambua with its desk (a counter officer) and its supervisor (the head of office), each with a token. */
export async function makeDesk(
  db: Executor,
  options: { plbAccepted?: boolean; documents?: ('passport' | 'plb')[] } = {},
) {
  const point = await makeCrossingPoint(db, {
    unitCode: 'KANIM-ATAMBUA',
    plbAccepted: options.plbAccepted ?? true,
    ...(options.documents ? { documents: options.documents } : {}),
  });
  const officer = await makeOfficer(db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA', name: 'Petugas Meja' });
  const supervisor = await makeOfficer(db, {
    role: 'head_of_office',
    unitCode: 'KANIM-ATAMBUA',
    name: 'Kepala Kantor',
  });
  return {
    point,
    officer,
    supervisor,
    officerToken: await bearerOf(db, officer),
    supervisorToken: await bearerOf(db, supervisor),
  };
}

export type CrossingReply = {
  id: string;
  verdict: 'green' | 'red';
  status: string;
  reasons: { code: string; level: string; text: string; params?: Record<string, unknown> }[];
  returnBy: string | null;
  charges: { days: number; amount: number; billingCode: string | null }[];
};

/** Records a crossing through the API with a fresh request id unless one is given. */
export async function postCrossing(app: App, token: string, pointCode: string, body: Record<string, unknown>) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/crossing-points/${pointCode}/crossings`,
    headers: { authorization: token },
    payload: { requestId: crypto.randomUUID(), ...body },
  });
  return {
    status: res.statusCode,
    body: res.json<CrossingReply & { error?: { code: string; fields?: Record<string, string> } }>(),
  };
}

export async function postDecision(app: App, token: string, crossingId: string, body: Record<string, unknown>) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/crossings/${crossingId}/decision`,
    headers: { authorization: token },
    payload: { requestId: crypto.randomUUID(), ...body },
  });
  return {
    status: res.statusCode,
    body: res.json<CrossingReply & { error?: { code: string; fields?: Record<string, string> } }>(),
  };
}
