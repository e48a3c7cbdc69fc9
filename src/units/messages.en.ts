import type * as id from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

export const units: Messages<typeof id.units> = {
  address: 'Address',
  phone: 'Phone',
  email: 'Email',
  state: 'State',
  parent: 'Part of',
  services: 'Services',
  posts: 'Posts of this office',
  openingHours: 'Opening hours (WITA)',
  closed: 'Closed',
  edit: 'Edit this unit',
  editTitle: 'Edit {{name}}',
  adminTitle: 'Offices and posts',
  code: 'Code',
  name: 'Name',
  kind: 'Kind',
  regency: 'Regency/city',
  hoursHint: 'For example: 08:00-12:00, 13:00-16:00. Leave empty when closed.',
  saved: 'Changes saved.',
  map: 'Map',
  openMap: 'See the location on a map',
  mapUrl: 'Map link',
  mapUrlHint:
    "An https link to the office's location, for example from OpenStreetMap or Google Maps. Leave empty if there is none yet.",
  since: 'since {{date}}',
  noServices: 'This unit offers no services now.',
  historyTitle: 'State history',
  historyEmpty: 'No state change recorded yet.',
  effectiveOn: 'Effective from',
  change: 'Change',
  note: 'Note',
  roadmapTitle: 'Roadmap (regional roadmap 2024–2028)',
  roadmapEmpty: 'No roadmap milestones yet.',
  milestone: 'Milestone',
  target: 'Target',
  quarter: 'Q{{q}} {{year}}',
  roadmapManage: 'Manage state and roadmap',
  roadmapAdminTitle: 'State and roadmap of {{name}}',
  publicPage: 'Public page',
  stateInForm: 'Current state: {{state}}. The state changes only through a recorded state change.',
  changeState: 'Change state',
  step: 'Step',
  stateNoteHint: 'The basis of the change, for example a semester evaluation or a decree number.',
  noStateSteps: 'There is no state change you can make now.',
  milestonesTitle: 'Roadmap milestones',
  addMilestone: 'Add a milestone',
  saveMilestone: 'Save',
  milestoneTitle: 'Milestone title',
  targetDate: 'Target date',
  targetQuarter: 'Target quarter',
  targetQuarterHint: 'For example: 2026-Q3. Give a target date or a target quarter, only one.',
  on: 'Date',
  steps: {
    activate: 'Activate (open or reactivate the post)',
    revitalise: 'Start revitalisation',
    normalise: 'Normalise (revitalisation finished)',
    close: 'Close the post',
    replan: 'Plan again',
  },
  milestoneSteps: { done: 'Mark reached', drop: 'Drop the milestone' },
  milestoneStatuses: { planned: 'Planned', done: 'Reached', dropped: 'Dropped' },
  v: {
    notFromState: "This change is not possible from the unit's current state.",
    milestoneFinal: 'This milestone has already been reached or dropped.',
    future: 'The date may not be in the future.',
    beforeSince: 'The date may not be before the current state took effect.',
    quarter: 'Write the quarter like 2026-Q3.',
    target: 'Give a target date or a target quarter, only one.',
    dropWhy: 'Say why the milestone is dropped.',
    year: 'The date must be between the years 2000 and 2099.',
    yearFrom: 'The date may not be before the year 2000.',
    liveAppointments:
      'The unit still holds {{count}} live appointments (booked or paid) from today on: move them before it stops serving.',
  },
};

export const unitKinds: Messages<typeof id.unitKinds> = {
  kanwil: 'Regional Office',
  kanim: 'Immigration Office',
  pos: 'Immigration Post',
  plbn: 'State Border Post',
  rudenim: 'Immigration Detention Centre',
};

export const unitStates: Messages<typeof id.unitStates> = {
  planned: 'Planned',
  active: 'Active',
  under_revitalisation: 'Under revitalisation',
  normalised: 'Normalised',
  closed: 'Closed',
};

export const services: Messages<typeof id.services> = {
  passport: {
    name: 'Passports',
    about:
      'Ordinary and electronic passports: apply online, pick a date within the daily quota, pay with a billing code, then come to the office.',
  },
  eazy_paspor: {
    name: 'Eazy Paspor',
    about: 'A collective passport service in your village, school, company or community, for at least 30 applicants.',
  },
  koe_tos: { name: 'si Koe TOS', about: 'Take on Saturday: collect your finished passport on a Saturday.' },
  koe_peduli: {
    name: 'si Koe Peduli',
    about: 'Officers come to the home or hospital of elderly, disabled or sick applicants.',
  },
  stay_permit: { name: 'Stay permits for foreigners', about: 'ITK, ITAS, ITAP and their extensions.' },
  lodging_report: {
    name: 'Reporting foreign guests',
    about: 'Hotels and lodgings report foreign guests within 24 hours and receive a receipt.',
  },
  border_pass: { name: 'Border pass', about: 'For residents of the sub-districts on the Timor-Leste border.' },
  border_crossing: { name: 'Border inspection', about: 'Immigration inspection at border crossings.' },
  detention: { name: 'Detention', about: 'Immigration Detention Centre.' },
  complaints: {
    name: 'Complaints',
    about:
      'Raise a complaint, suggestion or whistle-blowing report, anonymously if you wish, and see it answered on time.',
  },
};
