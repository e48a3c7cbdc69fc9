import type { App } from '../platform/http/server.ts';
import { registerRosterRoutes } from './page-routes.tsx';
import type { PickupSlots } from './unit-calendar.ts';

/** Duties, kits, counter duty and the head of office's calendar (Saturday pickups from `pickupSlots`, given by app.ts). */
export function registerRoster(app: App, { pickupSlots }: { pickupSlots: PickupSlots }): void {
  registerRosterRoutes(app, { pickupSlots });
}
