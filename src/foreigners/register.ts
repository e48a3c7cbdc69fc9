import type { App } from '../platform/http/server.ts';
import { registerForeignerApiRoutes } from './api-routes.ts';
import { registerDeparturePages } from './departure-page-routes.tsx';
import type { ForeignerRecords } from './foreigner-records.ts';
import type { OnDeparture } from './record-departure.ts';

/**
 * The foreigners register: people, their travel documents and departures. `onDeparture` is what the features above
 * do when a person leaves (overstays close) and `records` what they know of a person (permits, lodging stays), handed
 * in by app.ts since this feature may not import them.
 */
export function registerForeigners(
  app: App,
  options: { onDeparture?: OnDeparture; records?: ForeignerRecords } = {},
): void {
  registerForeignerApiRoutes(app, options);
  registerDeparturePages(app, options.onDeparture);
}
