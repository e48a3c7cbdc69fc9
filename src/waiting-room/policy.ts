import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type WaitingRoomAction = 'waiting_room.enter';

/** The waiting room is in front of a citizen's own booking: signed-in citizen accounts only. */
export function can(actor: Actor | null, action: WaitingRoomAction): boolean {
  switch (action) {
    case 'waiting_room.enter':
      return actor?.kind === 'citizen';
  }
}

export function authorize(actor: Actor | null, action: WaitingRoomAction): void {
  if (!can(actor, action)) throw new AppError(actor ? 'forbidden' : 'unauthenticated');
}
