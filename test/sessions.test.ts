import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from './db.ts';
import { makeCitizen, makeOfficer } from './factories.ts';
import { createApiToken } from '../src/accounts/api-tokens.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { accounts, apiTokens, sessions } from '../src/platform/auth/schema.ts';
import { actorFromApiToken, actorFromSession, createSession } from '../src/platform/auth/sessions.ts';
import { hashToken } from '../src/platform/auth/tokens.ts';
import { TokenUses } from '../src/platform/auth/token-uses.ts';

describeDb('bearer tokens', (ctx) => {
  // Flushed by hand: a server writes the noted uses in batches.
  const uses = new TokenUses(() => ctx.db, 60_000);
  const issue = async (accountId: string) =>
    ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), accountId, 'test'));
  const lastUsed = async (id: string) =>
    (await ctx.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, id)))[0]!.at;
  const setLastUsed = (id: string, at: Date) =>
    ctx.db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));

  it('resolve to the account as an actor, with the second factor counted as given', async () => {
    const officer = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-KUPANG' });
    const { token } = await issue(officer.id);
    expect(await actorFromApiToken(ctx.db, token, uses)).toEqual({
      id: officer.id,
      kind: 'officer',
      role: 'admin',
      unitCode: 'KANIM-KUPANG',
      name: officer.name,
      email: officer.email,
      emailVerified: true,
      mfaPassed: true,
      totpEnabled: true,
      via: 'token',
    });
    const citizen = await makeCitizen(ctx.db, { emailVerifiedAt: null });
    expect(await actorFromApiToken(ctx.db, (await issue(citizen.id)).token, uses)).toMatchObject({
      kind: 'citizen',
      role: null,
      unitCode: null,
      emailVerified: false,
      totpEnabled: false,
    });
  });

  it('record their last use at most once a minute, in batches, so reading a token never writes', async () => {
    const citizen = await makeCitizen(ctx.db);
    const { id, token } = await issue(citizen.id);
    expect(await lastUsed(id)).toBeNull();
    await actorFromApiToken(ctx.db, token, uses);
    expect(await lastUsed(id)).toBeNull();
    await uses.flush();
    const first = await lastUsed(id);
    expect(Math.abs(first!.getTime() - Date.now())).toBeLessThan(60_000);

    const recently = new Date(Date.now() - 30_000);
    await setLastUsed(id, recently);
    expect(await actorFromApiToken(ctx.db, token, uses)).not.toBeNull();
    await uses.flush();
    expect((await lastUsed(id))!.getTime()).toBe(recently.getTime());

    const longAgo = new Date(Date.now() - 5 * 60_000);
    await setLastUsed(id, longAgo);
    expect(await actorFromApiToken(ctx.db, token, uses)).not.toBeNull();
    await uses.flush();
    expect((await lastUsed(id))!.getTime()).toBeGreaterThan(longAgo.getTime() + 4 * 60_000);
  });

  it('stop working once they expire (API_TOKEN_DAYS, 90 by default)', async () => {
    const citizen = await makeCitizen(ctx.db);
    const { id, token, expiresAt } = await issue(citizen.id);
    expect(Math.round((expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(90);
    expect(await actorFromApiToken(ctx.db, token, uses)).not.toBeNull();
    await ctx.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, id));
    expect(await actorFromApiToken(ctx.db, token, uses)).toBeNull();
  });

  it('refuse unknown and revoked tokens and disabled accounts, and touch nothing then', async () => {
    expect(await actorFromApiToken(ctx.db, 'sikoe_unknown', uses)).toBeNull();
    const citizen = await makeCitizen(ctx.db);
    const revoked = await issue(citizen.id);
    await ctx.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, revoked.id));
    expect(await actorFromApiToken(ctx.db, revoked.token, uses)).toBeNull();
    expect(await lastUsed(revoked.id)).toBeNull();
    const other = await makeCitizen(ctx.db);
    const live = await issue(other.id);
    await ctx.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, other.id));
    expect(await actorFromApiToken(ctx.db, live.token, uses)).toBeNull();
    expect(await lastUsed(live.id)).toBeNull();
  });
});

describeDb('sessions', (ctx) => {
  const IDLE = 30;
  const seen = (token: string, at: Date) =>
    ctx.db
      .update(sessions)
      .set({ lastSeenAt: at })
      .where(eq(sessions.idHash, hashToken(token)));
  const lastSeen = async (token: string) =>
    (
      await ctx.db
        .select({ at: sessions.lastSeenAt })
        .from(sessions)
        .where(eq(sessions.idHash, hashToken(token)))
    )[0]?.at;

  it("end an officer's session after the idle time without a request, never a citizen's", async () => {
    const officer = await makeOfficer(ctx.db);
    const citizen = await makeCitizen(ctx.db);
    const officerToken = await createSession(ctx.db, { accountId: officer.id, mfaPassed: true, days: 1 });
    const citizenToken = await createSession(ctx.db, { accountId: citizen.id, mfaPassed: true, days: 1 });
    await seen(officerToken, new Date(Date.now() - (IDLE - 1) * 60_000));
    expect(await actorFromSession(ctx.db, officerToken, IDLE)).toMatchObject({ id: officer.id });
    // That request counted as activity: the clock starts again.
    expect(Date.now() - (await lastSeen(officerToken))!.getTime()).toBeLessThan(60_000);
    await seen(officerToken, new Date(Date.now() - (IDLE + 1) * 60_000));
    expect(await actorFromSession(ctx.db, officerToken, IDLE)).toBeNull();
    await seen(citizenToken, new Date(Date.now() - 3 * 86_400_000));
    expect(await actorFromSession(ctx.db, citizenToken, IDLE)).toMatchObject({ id: citizen.id });
  });

  it('record their use at most once a minute', async () => {
    const citizen = await makeCitizen(ctx.db);
    const token = await createSession(ctx.db, { accountId: citizen.id, mfaPassed: true, days: 1 });
    const recently = new Date(Date.now() - 30_000);
    await seen(token, recently);
    await actorFromSession(ctx.db, token, IDLE);
    expect((await lastSeen(token))!.getTime()).toBe(recently.getTime());
  });
});
