// Messages of the "counterDesk" namespace (Bahasa Indonesia); en/counterDesk.ts must have the same keys.
export const counterDesk = {
  title: 'counterDesk',
};
