import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { describeApp } from './db.ts';
import { uniqueEmail } from './factories.ts';

/** A client address of this run's own, so that counts on the shared test database are ours alone. */
const randomAddress = () => `10.${[0, 0, 0].map(() => crypto.randomInt(1, 255)).join('.')}`;

// Two apps on one database stand for two processes behind a proxy: three sign-ins a minute in all, not three each.
describeApp(
  'rate limits counted in the database',
  (ctx) => {
    it('holds the limit across two server instances', async () => {
      const second = await buildApp(ctx.config, ctx.database);
      try {
        const form = { email: uniqueEmail('nobody'), password: 'wrong password 123' };
        const address = randomAddress();
        const ask = (app: typeof second) =>
          app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: form, remoteAddress: address });
        const answers = [];
        for (const app of [ctx.app, second, ctx.app, second]) answers.push((await ask(app)).statusCode);
        expect(answers).toEqual([401, 401, 401, 429]);
        expect((await ask(ctx.app)).headers['retry-after']).toMatch(/^(59|60)$/);
      } finally {
        await second.close();
      }
    });
  },
  { rateLimitStore: 'database', authRateLimitPerMinute: 3 },
);
