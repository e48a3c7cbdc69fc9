import type { counterDesk as id } from '../id/counterDesk.ts';
import type { Messages } from '../messages.ts';

export const counterDesk: Messages<typeof id> = {
  title: 'counterDesk',
};
