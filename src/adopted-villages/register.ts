import type { App } from '../platform/http/server.ts';
import { registerActivityPages } from './activity-page-routes.tsx';
import { registerAdoptedVillageApi } from './api-routes.ts';
import { registerOfficerPages } from './officer-page-routes.tsx';
import { registerPublicPages } from './public-page-routes.tsx';
import type { VillageSignalsOf } from './village-signals.ts';

/** The public figures of the programme, for the transparency page (composed by the lead in app.ts). */
export { countDesaBinaan, type DesaBinaanFigure } from './count-desa-binaan.ts';
export type { VillageSignals, VillageSignalsOf } from './village-signals.ts';

/**
 * Desa Binaan Imigrasi: the register of adopted villages and their PIMPASA, the public pages, the activities on the
 * roster and the office's view. `villageSignals` brings what features above this one know of each village.
 */
export function registerAdoptedVillages(app: App, { villageSignals }: { villageSignals: VillageSignalsOf }): void {
  registerPublicPages(app);
  registerAdoptedVillageApi(app);
  registerOfficerPages(app, villageSignals);
  registerActivityPages(app, villageSignals);
}
