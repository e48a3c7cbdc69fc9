import type { applications as id } from '../id/applications.ts';
import type { Messages } from '../messages.ts';

export const applications: Messages<typeof id> = {
  title: 'applications',
};
