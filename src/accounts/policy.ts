import type { Actor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/errors.ts';

export type AccountAction = 'token.create' | 'totp.setup';

/** Every signed-in account may hold API tokens; two-factor sign-in is for officers. */
export function can(actor: Actor | null, action: AccountAction): boolean {
  switch (action) {
    case 'token.create':
      return !!actor;
    case 'totp.setup':
      return actor?.kind === 'officer';
  }
}

export function authorize(actor: Actor | null, action: AccountAction): void {
  if (!can(actor, action)) throw new AppError('forbidden');
}
