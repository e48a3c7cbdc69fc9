// Who takes the payment of each kind of billing code: payments sits below the features that issue codes, so the
// notification endpoint (app.ts) and `sikoe payments settle` (cli.ts) are handed this list.
import { appointmentPaid } from './appointments/register.ts';
import { overstayPaid } from './overstays/register.ts';
import type { PaidForByPurpose } from './payments/record-payment.ts';
import { permitServicePaid } from './permit-services/register.ts';

export const paidForByPurpose: PaidForByPurpose = {
  appointment: appointmentPaid,
  overstay: overstayPaid,
  stay_permit_service: permitServicePaid,
};
