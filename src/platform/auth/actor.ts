import type { OfficerRole } from './schema.ts';

/** Who is making a request, as every policy sees it. */
export type Actor = {
  id: string;
  kind: 'citizen' | 'officer';
  role: OfficerRole | null;
  unitCode: string | null;
  name: string;
  email: string;
  emailVerified: boolean;
  /** The second factor was given in this session (always true for API tokens, which are issued after it). */
  mfaPassed: boolean;
  /** Admins must have TOTP set up before they can act as admins. */
  totpEnabled: boolean;
  via: 'session' | 'token';
};

export type SystemActor = { id: null; kind: 'system'; name: string };

export const systemActor = (name = 'system'): SystemActor => ({ id: null, kind: 'system', name });

export const isOfficer = (actor: Actor | null | undefined): actor is Actor & { kind: 'officer' } =>
  actor?.kind === 'officer';
