import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { VNode } from 'preact';
import type { Config } from '../config.ts';
import type { Actor } from '../auth/actor.ts';
import { SESSION_COOKIE, actorFromApiToken, actorFromSession } from '../auth/sessions.ts';
import type { TokenUses } from '../auth/token-uses.ts';
import type { Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { isLang, langFromAcceptLanguage, translator, type Lang, type T } from '../i18n/index.ts';
import type { JobRunner } from '../jobs/runner.ts';
import type { Mailer } from '../mail/mailer.ts';
import { projectRoot } from '../paths.ts';
import type { Storage } from '../storage/storage.ts';
import type { PageContext } from '../views/context.ts';
import { renderPage } from '../views/render.ts';
import { isApiRequest, routePath, type AuditedLookUp, type ErrorPage } from './errors.ts';
import { frameworkErrorHandler, registerErrorHandling } from './error-handler.tsx';
import { registerMetrics } from './metrics.ts';
import { databaseRateLimitStore, RateLimitCounter } from './rate-limit-store.ts';
import { registerProofAssets } from '../proof/assets.ts';

/** Keys generated once per installation (server_secrets table): cookie signing, appointment QR signing, payments. */
export type Secrets = { cookie: string; qr: string; payments: string };
export type AppDeps = {
  config: Config;
  database: Database;
  mailer: Mailer;
  jobs: JobRunner;
  secrets: Secrets;
  log: Logger;
  storage: Storage;
  /** API tokens' last uses, written in batches (flushed when the server closes). */
  tokenUses: TokenUses;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** The rate limits' counter in the database (RATE_LIMIT_STORE=database), else null: benchmarks read its statements. */
    rateLimitCounter: RateLimitCounter | null;
  }
  interface FastifyRequest {
    lang: Lang;
    t: T;
    actor: Actor | null;
    sessionToken: string | null;
    /** The bearer token of a route that reads its actor itself (`actorReadByRoute`); null elsewhere. */
    bearerToken: string | null;
  }
  interface FastifyReply {
    page(vnode: VNode, status?: number): FastifyReply;
    ctx(): PageContext;
  }
  interface FastifyContextConfig {
    errorPage?: ErrorPage;
    /** A look-up of people's records: its refusals (403, 404) are audited like its successful views. */
    auditRefusals?: AuditedLookUp;
    /** The page's language until the visitor chooses one: English for pages foreigners, sponsors and lodgings read. */
    defaultLang?: Lang;
    /**
     * The route finds the bearer token's actor in its own first statement (with `tokenActorWith`), together with what
     * it reads anyway: the hook only takes the token from the header, saving a round trip on a hot path (booking).
     */
    actorReadByRoute?: boolean;
  }
}

/** Requests in flight at once from which background jobs give way to them. */
const BUSY_REQUESTS = 32;

const publicDir = path.join(projectRoot, 'public');
const htmxDir = path.join(projectRoot, 'node_modules/htmx.org/dist');
const fileVersion = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 10);
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const bypassAuth = /^\/(static\/|healthz|readyz|metrics|docs)/;

export type App = FastifyInstance;

/** The top-level field of parsed input in which a NUL character hides (in a key or a value, at any depth). */
function fieldWithNul(input: unknown, field?: string): string | undefined {
  if (typeof input === 'string') return input.includes('\u0000') ? (field ?? 'input') : undefined;
  if (!input || typeof input !== 'object' || Buffer.isBuffer(input)) return undefined;
  for (const [key, value] of Object.entries(input)) {
    const top = field ?? key;
    if (key.includes('\u0000')) return top;
    const found = fieldWithNul(value, top);
    if (found) return found;
  }
  return undefined;
}
type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

export async function createServer(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const assets = {
    css: `/static/app.css?v=${fileVersion(path.join(publicDir, 'app.css'))}`,
    htmx: `/static/vendor/htmx.min.js?v=${fileVersion(path.join(htmxDir, 'htmx.min.js'))}`,
  };
  const app = Fastify({
    // Pino's Logger widened to Fastify's, so that routes and plugins share one instance type (the rule misses why).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: deps.log as FastifyBaseLogger,
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrorHandler(assets),
    // Every schema is zod: naming the compilers here spares loading Ajv and fast-json-stringify at every start.
    schemaController: {
      compilersFactory: {
        buildValidator: () => validatorCompiler,
        buildSerializer: () => serializerCompiler,
      } as unknown as CompilersFactory,
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  // Background jobs give way while many requests are in flight at once (a stampede), see JobRunner.yieldWhile.
  let inFlight = 0;
  app.addHook('onRequest', async (_req, reply) => {
    inFlight++;
    // 'close' comes once per response, sent or abandoned by the client.
    reply.raw.once('close', () => inFlight--);
  });
  deps.jobs.yieldWhile(() => inFlight >= BUSY_REQUESTS);
  app.addHook('onClose', () => deps.tokenUses.flush().catch(() => undefined));
  await registerDocs(app);
  await registerPlugins(app, deps);
  decorateRendering(app, assets);
  addRequestHooks(app, deps);
  registerProofAssets(app);
  registerErrorHandling(app);
  registerMetrics(app, config.metrics, config.trustProxy !== false);
  return app;
}

/** The OpenAPI document generated from the routes' zod schemas, and Swagger UI at /docs. */
async function registerDocs(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Sikoe API', version: '1', description: 'Immigration services of Nusa Tenggara Timur' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Swagger UI styles itself inline; scripts stay restricted to our origin.
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });
}

/** Security headers, compression, cookies, forms, CSRF, rate limits and the static files. */
async function registerPlugins(app: App, deps: AppDeps): Promise<void> {
  const { config } = deps;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie, { secret: deps.secrets.cookie });
  await app.register(formbody);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'sikoe_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true },
  });
  const counter = config.rateLimitStore === 'database' ? new RateLimitCounter(() => deps.database.db, deps.log) : null;
  app.decorate('rateLimitCounter', counter);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
    // Several processes on one PostgreSQL count against one limit (in memory each would allow the limit again).
    ...(counter ? { store: databaseRateLimitStore(counter) } : {}),
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/static/', maxAge: '365d', immutable: true });
  await app.register(fastifyStatic, {
    root: htmxDir,
    prefix: '/static/vendor/',
    decorateReply: false,
    maxAge: '365d',
    immutable: true,
    allowedPath: (p) => p === '/htmx.min.js',
  });
}

/** What every handler finds on the request (language, words, actor) and the reply (page context, page rendering). */
function decorateRendering(app: App, assets: PageContext['assets']): void {
  app.decorateRequest('lang', 'id');
  app.decorateRequest('t', null as unknown as T);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('bearerToken', null);
  app.decorateReply('ctx', function () {
    const req = this.request;
    return { t: req.t, lang: req.lang, actor: req.actor, csrf: this.generateCsrf(), path: req.url, assets };
  });
  app.decorateReply('page', function (vnode: VNode, status = 200) {
    return this.code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderPage(vnode));
  });
}

/** Language and actor for every request, the NUL-byte refusal and the CSRF check on page forms. */
function addRequestHooks(app: App, deps: AppDeps): void {
  const { config } = deps;
  app.addHook('onRequest', async (req, reply) => {
    // People quote it when something goes wrong; tests find the audit entries of one request by it.
    reply.header('x-request-id', req.id);
    // Pages are Indonesian unless the visitor chose English (a phone set to English does not decide it) or the page is
    // one foreigners read first (its `defaultLang`); API clients name their language in Accept-Language.
    const cookieLang = req.cookies.lang;
    req.lang = isLang(cookieLang)
      ? cookieLang
      : isApiRequest(req)
        ? langFromAcceptLanguage(req.headers['accept-language'])
        : (req.routeOptions.config.defaultLang ?? 'id');
    req.t = translator(req.lang);
    if (bypassAuth.test(routePath(req))) return;
    const auth = req.headers.authorization;
    if (auth) {
      const match = /^Bearer\s+(\S+)$/i.exec(auth);
      if (match?.[1] && req.routeOptions.config.actorReadByRoute) {
        req.bearerToken = match[1];
        return;
      }
      req.actor = match?.[1] ? await actorFromApiToken(deps.database.db, match[1], deps.tokenUses) : null;
      if (!req.actor) throw new AppError('unauthenticated');
      return;
    }
    // API calls authenticate with tokens; a session cookie never authorises a cross-site API write.
    const token = req.cookies[SESSION_COOKIE];
    if (token && !(isApiRequest(req) && unsafeMethods.has(req.method))) {
      req.actor = await actorFromSession(deps.database.db, token, config.officerIdleMinutes);
      req.sessionToken = req.actor ? token : null;
    }
  });

  // A NUL character is never typed by a person and PostgreSQL cannot store it in text: refuse it as bad input, for
  // every route at once, before any schema or use case sees it.
  app.addHook('preValidation', async (req) => {
    const field = fieldWithNul(req.params) ?? fieldWithNul(req.query) ?? fieldWithNul(req.body);
    if (field) throw new AppError('validation_failed', { [field]: 'v.invalidCharacter' });
  });

  app.addHook('preValidation', (req, reply, done) => {
    if (unsafeMethods.has(req.method) && !isApiRequest(req)) {
      app.csrfProtection(req, reply, done);
    } else done();
  });
}
