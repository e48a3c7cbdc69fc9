import { closedDays } from '../holidays/closed-days.ts';
import type { PaidFor } from '../payments/record-payment.ts';
import { nthWorkingDay } from '../platform/calendar/working-days.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { markPaidChange } from './permit-changes.ts';
import { performApplicationAction } from './perform-application-action.ts';
import { ruleOf } from './get-application.ts';

/**
 * Takes the payment of an application's billing code (purpose 'stay_permit_service'): the application moves to paid,
 * its SLA starts on the unit's calendar, and a paid alih status filed before the permit's end marks the permit so
 * the days while it is decided are not overstay. A withdrawn application's code is refused (nothing changes).
 */
export const permitServicePaid: PaidFor = async (tx, caller, billing, paidAt) => {
  if (!billing.subjectId) throw new AppError('not_found');
  // The bank's day of payment, not the notification's: a late notice must not cost the shield against overstay.
  const paidOn = witaDate(paidAt);
  const application = await performApplicationAction(
    tx,
    caller,
    { applicationId: billing.subjectId, step: 'pay' },
    async (a) => {
      const rule = await ruleOf(tx, a);
      const closed = await closedDays(tx, a.unitCode, paidOn, addDays(paidOn, 60));
      const dueOn = nthWorkingDay(paidOn, rule.slaWorkingDays, (d) => closed.has(d));
      return { set: { paidOn, dueOn }, payload: { billingCode: billing.code, dueOn } };
    },
  );
  await markPaidChange(tx, caller, application, paidOn);
  return { unitCode: application.unitCode };
};
