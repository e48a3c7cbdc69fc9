import type { home as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

export const home: Messages<typeof id> = {
  title: 'Immigration services in East Nusa Tenggara',
  lead: 'Apply for a passport, choose the day you come, pay and follow your application from anywhere in NTT. Officers also come to villages, schools and homes.',
  servicesTitle: 'Services',
  soon: 'online soon; at the immigration office meanwhile',
  unitsTitle: 'Immigration offices and posts',
  followTitle: 'Already applied?',
  trackLead:
    "See the state of a passport application with its tracking code and the applicant's date of birth, without signing in.",
  trackLink: 'Track a passport application',
  complaintLead: 'Sent a complaint? Follow its answers with the tracking code and the secret code of your complaint.',
  villagesLink: 'Adopted villages (Desa Binaan)',
  villagesLead:
    'Villages the immigration offices work with against trafficking: the resident officers (PIMPASA) to call, and a form to ask or report a recruiter or an irregular departure for work, anonymously if you wish.',
  sponsorLink: 'Sponsors of foreigners',
  sponsorLead: 'Companies and citizens who sponsor foreigners: register, see the permits you sponsor, report changes.',
  complaintLink: 'Follow a complaint',
};
