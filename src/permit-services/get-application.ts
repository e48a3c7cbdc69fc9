import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { permitApplications, permitServiceRules, type PermitApplication, type PermitServiceRule } from './schema.ts';

/** One application as it stands, without a policy: callers decide who may see it. */
export async function getPermitApplication(db: Executor, id: string): Promise<PermitApplication> {
  const [application] = await db.select().from(permitApplications).where(eq(permitApplications.id, id));
  if (!application) throw new AppError('not_found');
  return application;
}

/** The rule the application was filed under: its step, SLA and biometrics stay those of the day of filing. */
export async function ruleOf(db: Executor, application: Pick<PermitApplication, 'ruleId'>): Promise<PermitServiceRule> {
  const [rule] = await db.select().from(permitServiceRules).where(eq(permitServiceRules.id, application.ruleId));
  if (!rule) throw new Error(`rule ${application.ruleId} is gone`);
  return rule;
}
