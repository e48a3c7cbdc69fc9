import type { IsoDate } from '../platform/calendar/wita.ts';
import type { FigureCode } from './figures.ts';

type Link = (q: { unit: string; from: IsoDate; to: IsoDate }) => string;

const withUnit =
  (path: string): Link =>
  (q) =>
    `${path}?unit=${encodeURIComponent(q.unit)}`;

/**
 * The list behind each figure where Sikoe has one: those pages keep to the viewer's scope themselves (a unit out of
 * it is refused there), and take the unit where they can filter by it. Figures without a list (IKM, PNBP, crossings'
 * day counts) have no link.
 */
export const figureLinks: Partial<Record<FigureCode, Link>> = {
  passports_issued: withUnit('/officer/work'),
  passports_issued_biasa: withUnit('/officer/work'),
  passports_issued_elektronik: withUnit('/officer/work'),
  passport_cases_completed: withUnit('/officer/work'),
  passport_cases_on_time: withUnit('/officer/work'),
  passport_cases_overdue: withUnit('/officer/work'),
  deferrals: withUnit('/officer/work'),
  complaints_received: withUnit('/officer/complaints'),
  complaints_overdue: withUnit('/officer/complaints'),
  eazy_paspor_sessions: () => '/officer/outreach/sessions',
  eazy_paspor_applicants: () => '/officer/outreach/sessions',
  peduli_visits: () => '/officer/home-visits',
  stay_permits_processed: () => '/officer/stay-permit-services',
  stay_permit_applications_overdue: () => '/officer/stay-permit-services',
  lodging_reports: (q) => `/officer/units/${encodeURIComponent(q.unit)}/lodgings`,
  lodging_reports_late: (q) => `/officer/units/${encodeURIComponent(q.unit)}/lodgings`,
  overstays: withUnit('/officer/overstays'),
  administrative_actions: withUnit('/officer/enforcement'),
  deportations: withUnit('/officer/enforcement'),
  detainees: () => '/officer/detention',
  refugees: () => '/officer/refugees',
  crossings: () => '/officer/crossing-points',
  timpora_meetings: () => '/officer/timpora',
  timpora_operations: () => '/officer/timpora',
  village_activities: () => '/officer/desa-binaan',
  village_tips: withUnit('/officer/desa-binaan/tips'),
};
