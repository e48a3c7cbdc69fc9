import type * as id from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

export const setup: Messages<typeof id.setup> = {
  title: 'Create the first administrator',
  lead: 'Sikoe has no administrator yet. This link works once. The first administrator belongs to the NTT regional office and is asked to set up two-step verification straight away.',
  submit: 'Create administrator',
  doneTitle: 'The administrator has been created',
  done: 'The account {{email}} has been created. Sign in, then set up two-step verification in your authenticator app.',
  closedTitle: 'This setup link does not work',
  closed:
    'The link has been used, has expired, or an administrator already exists. Sign in as an administrator, or restart the server for a new link while there is none.',
};

export const officer: Messages<typeof id.officer> = {
  title: 'Officer home',
  welcome: 'Welcome, {{name}}',
  totpAdvice: 'Protect your officer account with two-step verification.',
  unitsAbout: 'Offices and posts: services, state and opening hours.',
  stayPermits: 'Stay permits and sponsors',
  stayPermitsAbout:
    'Foreigners’ stay permits at your office, sponsors awaiting verification, and changes reported by sponsors.',
  permitServices: 'Stay permit services',
  permitServicesAbout:
    'Extensions, changes of status, EPO and cancellations applied for at your office, nearest SLA date first.',
  villagesAbout:
    'Your office’s adopted villages: PIMPASA, activities on the roster, and early-warning signals per village.',
  tipsAbout: 'Questions and tips from adopted villages, with triage and closing deadlines.',
  warningsAbout: 'Early warnings for the passport interview: people, villages and recruiters.',
  deferralReasonsAbout: 'Reason codes for deferring a passport interview, for the whole region.',
  officersAbout: 'Officer accounts of your office.',
  accountAbout: 'Profile, two-step verification and API tokens.',
  workAbout: 'Cases waiting for your step, due and overdue first.',
  searchAbout: 'Find a case by name, NIK, tracking code or passport number.',
  sessionsAbout: 'Community requests for sessions, decisions, officers and a report per session.',
  visitsAbout: 'Visit requests for applicants who cannot come, answered within 2 working days.',
  watchlistAbout: 'People on the prevention list.',
  entryBansAbout: 'Foreigners on the entry-ban list.',
  overstaysAbout:
    'Foreigners past their stay permit: days, charge, billing code and proposals for administrative action.',
  departuresAbout: 'Record a foreigner’s departure by their passport.',
};

export const officers: Messages<typeof id.officers> = {
  title: 'Officers',
  new: 'Add an officer',
  create: 'Create officer account',
  none: 'No officers yet.',
  passwordHint: 'Hand it to the officer in person; at least 10 characters.',
  viewAudited: 'Opening this record is written to the audit trail.',
  signInFailures: 'Failed sign-ins (last 24 hours)',
  signInClearLead:
    'The owner cannot sign in because of the slow-down after failed attempts? Once you are sure who they are, clear the count.',
  signInClear: 'Clear the sign-in slow-down',
  signInCleared: 'The count of failed sign-ins has been cleared.',
};
