import type { FastifyInstance } from 'fastify';
import { registerOutreachApi } from './api-routes.ts';
import { registerJoinSessionPages } from './join-routes.tsx';
import { registerOutreachOfficerPages } from './officer-routes.tsx';
import { registerOutreachPublicPages } from './public-routes.tsx';

/** Eazy Paspor: the public request and schedule, the office's decision and report, joining with the session code. */
export async function registerOutreachRoutes(app: FastifyInstance): Promise<void> {
  registerOutreachApi(app);
  await registerOutreachPublicPages(app);
  registerOutreachOfficerPages(app);
  registerJoinSessionPages(app);
}
