import type { waitingRoom as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

export const waitingRoom: Messages<typeof id> = {
  title: 'Booking waiting room · {{unit}}',
  lead: 'Many people are booking at this office right now. To keep it fair, everyone gets one place in line and is let in in the order they arrived.',
  join: 'Take a place in line',
  joinHint: 'One account gets one place. Opening another tab or reloading the page does not change your place.',
  place: 'Your place in line: {{place}}',
  ahead: 'People ahead of you: {{n}}',
  wait: 'Estimated wait: about {{time}} (your turn around {{at}} WITA).',
  seconds: '{{n}} seconds',
  minutes: '{{n}} minutes',
  refresh:
    'This page reloads itself every {{n}} seconds. Keep it open; reloading it or closing it for a while does not lose your place.',
  turn: 'Your turn has come.',
  turnHint: 'Continue to booking before {{until}} WITA. After that you need to take a new place.',
  continue: 'Continue to booking',
  applications: 'To my applications',
  refreshNow: 'Refresh now',
  pass: {
    invalid: 'This turn is not valid for this account and office.',
    expired: 'This turn has expired. Take a place in line again.',
    used: 'This turn has been used already. Take a place in line again.',
  },
};
