import type { App } from '../platform/http/server.ts';
import { registerUnitApi } from './api-routes.ts';
import type { LiveAppointmentsAt } from './change-unit-state.ts';
import { registerUnitPages } from './page-routes.tsx';

export type { LiveAppointmentsAt } from './change-unit-state.ts';

/**
 * The organisation: unit pages, admin editing and the API. `liveAppointmentsAt` (given by app.ts: appointments sit
 * above units) keeps a unit with live appointments from being closed.
 */
export function registerUnits(app: App, { liveAppointmentsAt }: { liveAppointmentsAt: LiveAppointmentsAt }): void {
  registerUnitApi(app, liveAppointmentsAt);
  registerUnitPages(app, liveAppointmentsAt);
}
