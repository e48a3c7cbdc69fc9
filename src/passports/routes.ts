import type { FastifyInstance } from 'fastify';
import { registerPassportApi } from './api-routes.ts';
import { registerPassportOfficeRoutes } from './officer-routes.tsx';
import { registerSaturdayPickupPages } from './pickup-page-routes.tsx';

/** Passport issuance: the passports API, the blank-book ledger and si Koe TOS pages. */
export function registerPassportRoutes(app: FastifyInstance): void {
  registerPassportApi(app);
  registerPassportOfficeRoutes(app);
  registerSaturdayPickupPages(app);
}
