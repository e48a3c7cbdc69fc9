import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { requireActor } from '../platform/http/guards.ts';
import { authorizeRole, performanceViewer, type PerformanceAction } from './policy.ts';

export type Values = Record<string, unknown>;
export type Errors = Record<string, string> | undefined;
export const base = '/officer/performance';
export type Render = (
  req: FastifyRequest,
  reply: FastifyReply,
  values: Values,
  errors: Errors,
  status: number,
) => unknown;

const textValues = (body: unknown): Values =>
  Object.fromEntries(Object.entries((body ?? {}) as Values).filter(([, v]) => typeof v === 'string'));

/** What the performance pages share: the reader as a viewer, and how a refused form is shown again. */
export function pageTools(app: FastifyInstance) {
  const db = () => app.deps.database.db;
  const viewerOf = (req: FastifyRequest) => performanceViewer(db(), requireActor(req));
  // The form's own right is checked first, so that a refusal never depends on what the form held; then only a form
  // refused for its content or the record's state is shown again with its errors.
  const shownAgain =
    (action: PerformanceAction, render: Render) =>
    async (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) => {
      authorizeRole(await viewerOf(req), action);
      if (error.status !== 409 && error.status !== 422) throw error;
      return render(req, reply, textValues(req.body), formErrors(req.t, error, fields), error.status);
    };
  return { db, viewerOf, shownAgain };
}
