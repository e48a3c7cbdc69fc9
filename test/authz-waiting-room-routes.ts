// The route walk's entries for the booking waiting room (src/waiting-room).
import type { Entry } from './authz-entry.ts';

/** Citizens only (the policy refuses officers); anonymous visitors are sent to sign in. */
export function waitingRoomRoutes(): Record<string, Entry> {
  const page = '/units/KANIM-KUPANG/waiting-room';
  return {
    'GET /units/:code/waiting-room': { access: 'signed-in', url: () => page },
    'POST /units/:code/waiting-room': { access: 'signed-in', url: () => page, form: () => ({}), mutates: true },
    'GET /api/v1/units/:code/waiting-room': {
      access: 'signed-in',
      url: () => '/api/v1/units/KANIM-KUPANG/waiting-room',
    },
    'POST /api/v1/units/:code/waiting-room': {
      access: 'signed-in',
      url: () => '/api/v1/units/KANIM-KUPANG/waiting-room',
      mutates: true,
    },
  };
}
