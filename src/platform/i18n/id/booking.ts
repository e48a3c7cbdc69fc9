// Messages of the "booking" namespace (Bahasa Indonesia); en/booking.ts must have the same keys.
export const booking = {
  title: 'booking',
};
