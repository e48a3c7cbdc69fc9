import type { App } from '../platform/http/server.ts';
import { registerHolidayRoutes } from './page-routes.tsx';

/** The office's holidays, cuti bersama and closures. */
export function registerHolidays(app: App): void {
  registerHolidayRoutes(app);
}
