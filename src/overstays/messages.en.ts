import type { Messages } from '../platform/i18n/messages.ts';
import type { overstays as id } from './messages.id.ts';

// Messages of the "overstays" namespace (English); the same keys as messages.id.ts.
export const overstays: Messages<typeof id> = {
  title: 'Overstays',
  lead: 'Foreigners whose stay permit ended and who have not left, found every day. Days are counted from the day after the permit’s last day through today or the departure day (both count). Under the limit of days the charge is paid with a billing code; from the limit (counted from the first day over, paid days included), or when unpaid after leaving, the head of office receives a proposal for administrative action. Someone who paid and has not left is charged again for the days after the paid ones.',
  audited: 'Every opening of this list is recorded in the audit trail.',
  status: 'Status',
  unit: 'Office',
  all: 'All',
  filter: 'Show',
  none: 'No overstays.',
  count: '{{n}} overstays',
  departed: 'left {{on}}',
  inAll: '{{n}} days in all since {{on}}',
  rate: '({{rate}}/day)',
  acknowledge: 'Acknowledge the proposal',
  columns: {
    person: 'Foreigner',
    unit: 'Office',
    period: 'Days charged',
    days: 'Days',
    amount: 'Charge',
    status: 'Status',
    billingCode: 'Billing code',
    proposal: 'Proposal for administrative action',
  },
  statuses: { open: 'Unpaid', paid: 'Paid', proposed: 'Action proposed', cancelled: 'Cancelled' },
  billing: { paid: 'Paid {{at}}', none: '—', until: 'valid until {{at}}' },
  reasons: { limit_reached: 'Limit of days reached', unpaid: 'Unpaid after leaving' },
  proposalStatuses: { proposed: 'awaiting the head of office', acknowledged: 'acknowledged by the head of office' },
  mail: {
    proposed: {
      subject: '{{n}} new overstay proposals for administrative action ({{unit}})',
      body: 'Today’s overstay scan made {{n}} proposals for administrative action (deportation and entry ban) for {{unit}}. Open the Overstays page in Sikoe to acknowledge them.',
    },
  },
};
