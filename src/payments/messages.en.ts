import type { payment as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

// Messages of the "payment" namespace (English); messages.id.ts has the same keys.
export const payment: Messages<typeof id> = {
  title: 'How to pay',
  lead: 'A billing code can be paid wherever state revenue (PNBP) payments are taken. Choose the place nearest or easiest for you.',
  code: 'Billing code',
  amount: 'Amount',
  payBefore: 'Pay before',
  yourCode: 'your billing code',
  yourAmount: 'the amount on your bill',
  paid: 'Paid at {{at}}. Thank you.',
  after:
    'Once paid, the application changes by itself within a few minutes. There is no need to upload the receipt; bring it to the office. If the billing code runs out, the appointment is released and you need to book again.',
  back: 'Back to the appointment',
  kinds: {
    teller: 'Bank teller',
    atm: 'ATM',
    internet_banking: 'Internet banking',
    mobile_banking: 'Mobile banking',
    post_office: 'Post office',
    marketplace: 'Marketplaces',
    e_wallet: 'E-wallets',
  },
  mail: {
    reminder: {
      subject: 'Billing code {{billingCode}} runs out soon',
      body: 'Hello,\n\nThe billing code {{billingCode}} for application {{code}} ({{amount}}) is valid until {{payBefore}}. If it is not paid by then, your appointment on {{date}} at {{unit}} is released.\n\nHow to pay: {{link}}',
    },
    released: {
      subject: 'Appointment for {{code}} released',
      body: 'Hello,\n\nThe billing code for application {{code}} was not paid in time, so the appointment on {{date}} at {{unit}} has been released for someone else. Your application is kept: choose a date again at {{link}}',
    },
  },
};
