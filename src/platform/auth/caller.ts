import type { Actor } from './actor.ts';

/** Who asks for a use case to run, and from where: what policies decide on and audit entries record. */
export type Caller = {
  actor: Actor | null;
  ip?: string;
  requestId?: string;
  /** Set when the system acts on its own (CLI, jobs, seeding), e.g. "cli". */
  system?: string;
};

export const systemCaller = (name: string): Caller => ({ actor: null, system: name });
