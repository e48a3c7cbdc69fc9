import type { booking as id } from '../id/booking.ts';
import type { Messages } from '../messages.ts';

export const booking: Messages<typeof id> = {
  title: 'booking',
};
