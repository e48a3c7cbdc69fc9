import { expect, it } from 'vitest';
import { describeApp } from '../../../test/db.ts';
import { uniqueEmail } from '../../../test/factories.ts';
import { Browser } from '../../../test/http.ts';

// Three sign-in attempts per minute and address on this app (the tests' default is effectively unlimited).
describeApp(
  'rate limits on signing in',
  (ctx) => {
    it('answers the 4th sign-in form post within a minute with 429, on the form', async () => {
      const browser = new Browser(ctx.app);
      const form = { email: uniqueEmail('nobody'), password: 'wrong password 123' };
      for (let i = 0; i < 3; i++) {
        const res = await browser.post('/login', form, '/login');
        expect(res.statusCode).toBe(401);
      }
      const limited = await browser.post('/login', form, '/login');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('60');
      expect(limited.headers['content-type']).toMatch(/text\/html/);
      expect(limited.body).toContain('Terlalu banyak permintaan');
      expect(limited.body).toContain('name="email"'); // the form is shown again
      // Reading the form is not limited.
      expect((await browser.get('/login')).statusCode).toBe(200);
    });

    it('answers the 4th token request within a minute with 429 rate_limited, per client address', async () => {
      const body = { email: uniqueEmail('nobody'), password: 'wrong password 123' };
      const ask = (remoteAddress: string, headers: Record<string, string> = {}) =>
        ctx.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: body, remoteAddress, headers });
      for (let i = 0; i < 3; i++) expect((await ask('10.9.0.1')).statusCode).toBe(401);
      const limited = await ask('10.9.0.1');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      expect(limited.headers['retry-after']).toBe('60');
      // A forged X-Forwarded-For does not reset the count (the proxy is not trusted unless configured).
      expect((await ask('10.9.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(429);
      // Another address has its own allowance.
      expect((await ask('10.9.0.2')).statusCode).toBe(401);
    });

    it('does not limit ordinary API reads', async () => {
      for (let i = 0; i < 6; i++)
        expect((await ctx.app.inject({ url: '/api/v1/units', remoteAddress: '10.9.0.3' })).statusCode).toBe(200);
    });
  },
  { authRateLimitPerMinute: 3 },
);
