// Messages of the "applications" namespace (Bahasa Indonesia); en/applications.ts must have the same keys.
export const applications = {
  title: 'applications',
};
