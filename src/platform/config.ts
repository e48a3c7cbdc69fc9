import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_POOL_SIZE, DEFAULT_TIMEOUTS, type Timeouts } from './db/index.ts';

/**
 * Which proxies in front of Sikoe may tell it the client's address (X-Forwarded-For): none, or the proxies' own
 * addresses or networks ("true" means a proxy on this machine). Never every hop: the left-most address is whatever
 * the client wrote, and sign-in slow-downs, rate limits and /metrics would believe it.
 */
export type TrustProxy = false | string[];
/** proxy-addr's names for address ranges. */
const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, or a network in CIDR notation ("10.0.0.0/8"): checked here, or a typo fails the start obscurely. */
function isAddressOrNetwork(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}
const commaList = (value: string) =>
  value
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

// The only place that reads process.env: everything else receives a Config.
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: z.string().url().optional(),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().optional(),
    /** Reports and statistics read here (a standby) when set; only with DATABASE_URL. */
    DATABASE_READ_URL: z.string().optional(),
    DB_POOL_SIZE: z.coerce.number().int().positive().default(DEFAULT_POOL_SIZE),
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_TIMEOUTS.connectMs),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_TIMEOUTS.statementMs),
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_TIMEOUTS.idleInTransactionMs),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Sikoe Imigrasi NTT <no-reply@sikoe.local>'),
    METRICS_TOKEN: z.string().min(16).optional(),
    METRICS_ALLOW: z
      .string()
      .default('127.0.0.1,::1')
      .transform(commaList)
      .refine((list) => list.every(isAddressOrNetwork), 'IP addresses or CIDR networks, comma-separated'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((v, ctx): TrustProxy => {
        const value = v.trim();
        if (value === '' || value === 'false') return false;
        if (value === 'true') return ['loopback'];
        const list = commaList(value);
        if (list.every((a) => proxyNames.has(a) || isAddressOrNetwork(a))) return list;
        ctx.addIssue({
          code: 'custom',
          message: "false, true (a proxy on this machine), or the proxies' addresses or networks, comma-separated",
        });
        return z.NEVER;
      }),
    /** Where rate limits count: `database` for several processes on one PostgreSQL; default below. */
    RATE_LIMIT_STORE: z.enum(['memory', 'database']).optional(),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_MAX_DELAY_MINUTES: z.coerce.number().int().positive().default(15),
    LOGIN_PROOF_AFTER: z.coerce.number().int().positive().default(10),
    SESSION_DAYS: z.coerce.number().int().positive().default(7),
    OFFICER_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
    API_TOKEN_DAYS: z.coerce.number().int().positive().default(90),
    AUDIT_SIGNING_KEY_FILE: z.string().optional(),
    AUDIT_CHECKPOINT_FILE: z.string().optional(),
    AUDIT_LOG_ORIGIN: z
      .string()
      .regex(/^[^\s+]+$/, 'no spaces or plus signs')
      .optional(),
    AUDIT_SEAL_SECONDS: z.coerce.number().int().min(0).default(5),
    JOBS_POLL_MS: z.coerce.number().int().positive().default(1000),
    BOOKING_WINDOW_DAYS: z.coerce.number().int().min(1).max(180).default(30),
    BOOKING_OPENS_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .default('08:00'),
    BILLING_VALID_MINUTES: z.coerce.number().int().positive().default(120),
    APPLICANTS_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
    BOOKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
    PAYMENT_WEBHOOK_SECRET: z.string().min(16).optional(),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(5 * 1024 * 1024),
    STORAGE_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(50 * 1024 * 1024),
    STORAGE_S3_ENDPOINT: z.string().url().optional(),
    STORAGE_S3_BUCKET: z.string().optional(),
    STORAGE_S3_REGION: z.string().default('us-east-1'),
    STORAGE_S3_ACCESS_KEY: z.string().optional(),
    STORAGE_S3_SECRET_KEY: z.string().optional(),
    /**
     * Days a lodging report (a stay) is kept after it ended. Two years: Pasal 117 UU 6/2011 (a lodging that did not
     * report) is a pelanggaran, prosecutable for one year, and an overstay or entry-ban review looks back over a
     * yearly permit; a second year covers cases opened late. Shorter than Spain's 3 years and Italy's 5 because UU PDP
     * 27/2022 wants personal data kept no longer than its purpose needs, and no Indonesian rule asks for more.
     */
    LODGING_RETENTION_DAYS: z.coerce.number().int().min(30).default(730),
    /**
     * How old, in seconds, a published figure computed ahead (the transparency report, the dashboard's daily counts)
     * may be when it is shown. 0 computes on every request. Refreshing takes seconds over millions of records, so
     * pages read what a background job refreshes a little more often than this.
     */
    FIGURES_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
    /** The waiting room in front of booking: places admitted per minute per unit (0 turns it off). */
    WAITING_ROOM_ADMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(600),
    /** How long an admitted place, and each pass it is given, stays good. */
    WAITING_ROOM_PASS_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
    /** WITA hours in which booking needs a pass ("07:45-10:00"), or "always". */
    WAITING_ROOM_HOURS: z
      .string()
      .regex(/^(always|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/)
      .default('07:45-10:00'),
  })
  .refine((e) => !e.DATABASE_READ_URL || e.DATABASE_URL, {
    message: 'DATABASE_READ_URL reads from a standby of DATABASE_URL: set DATABASE_URL too',
    path: ['DATABASE_READ_URL'],
  });

export type SignInThrottle = {
  /** Failures for one address from one client before each further attempt must wait (1 s, 2 s, 4 s …). */
  freeFailures: number;
  maxDelayMinutes: number;
  /** Failures for one address from all clients in a day before every sign-in to it needs a proof of work. */
  proofAfter: number;
};

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** A standby the figures (statistics, transparency, open data, dashboard) read from; else they read `databaseUrl`. */
  databaseReadUrl: string | undefined;
  /** PostgreSQL only: connections per process and how long a request may wait for the database. */
  database: { poolSize: number; timeouts: Timeouts };
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  /** Who may read /metrics: clients from these addresses or networks (CIDR), or with this bearer token. */
  metrics: { token: string | undefined; allow: string[] };
  trustProxy: TrustProxy;
  /** Cookies get `Secure` when the public URL is https (i.e. behind TLS). */
  secureCookies: boolean;
  /**
   * Where rate limits count: `database` (shared by every process on one PostgreSQL, the default with DATABASE_URL)
   * or `memory` (this process only: the default on the embedded PGlite, which is one process by design).
   */
  rateLimitStore: 'memory' | 'database';
  authRateLimitPerMinute: number;
  /** Sign-in slows down after too many failures for one address from one client, never locking the owner out. */
  signInThrottle: SignInThrottle;
  sessionDays: number;
  /** An officer's session ends after this long without a request. */
  officerIdleMinutes: number;
  apiTokenDays: number;
  jobsPollMs: number;
  /**
   * The audit log's signed checkpoints: the Ed25519 key's file (kept outside the database; made on first use), the
   * file the newest checkpoint is also written to, the log's name in them, and how often the sealer runs (0: only
   * when asked, as in the tests).
   */
  audit: { signingKeyFile: string; checkpointFile: string; origin: string; sealSeconds: number };
  booking: {
    /** Dates from tomorrow up to this many days ahead (WITA) can be booked… */
    windowDays: number;
    /** …and the newest day opens at this WITA time. */
    opensAt: string;
    billingValidMinutes: number;
    applicantsPerAccount: number;
    ratePerMinute: number;
  };
  /** HMAC key the treasury/bank signs payment notifications with; a generated server secret when unset. */
  paymentWebhookSecret: string | undefined;
  uploadMaxBytes: number;
  /** All the files one citizen account keeps, across its applications. */
  storageQuotaBytes: number;
  /** S3-compatible storage for uploads; a folder under the data folder when unset. */
  s3: { endpoint: string; bucket: string; region: string; accessKey: string; secretKey: string } | undefined;
  /** Lodging reports are deleted this many days after the stay ended. */
  lodgingRetentionDays: number;
  /** How old a figure computed ahead may be when shown, in seconds; 0 computes on every request. */
  figuresMaxAgeSeconds: number;
  /** The waiting room at quota release (src/waiting-room): admission rate per unit, pass lifetime, active hours. */
  waitingRoom: { admitPerMinute: number; passMinutes: number; hours: string };
};

/**
 * Reads settings from a .env file (KEY=value lines) into the environment, for the server and every command alike;
 * variables already set in the environment win.
 */
export function loadEnvFile(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = EnvSchema.parse(env);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    databaseReadUrl: e.DATABASE_READ_URL || undefined,
    database: {
      poolSize: e.DB_POOL_SIZE,
      timeouts: {
        connectMs: e.DB_CONNECT_TIMEOUT_MS,
        statementMs: e.DB_STATEMENT_TIMEOUT_MS,
        idleInTransactionMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      },
    },
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    metrics: { token: e.METRICS_TOKEN, allow: e.METRICS_ALLOW },
    trustProxy: e.TRUST_PROXY,
    secureCookies: publicUrl.startsWith('https://'),
    rateLimitStore: e.RATE_LIMIT_STORE ?? (e.DATABASE_URL ? 'database' : 'memory'),
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    signInThrottle: {
      freeFailures: e.LOGIN_MAX_FAILURES,
      maxDelayMinutes: e.LOGIN_MAX_DELAY_MINUTES,
      proofAfter: e.LOGIN_PROOF_AFTER,
    },
    sessionDays: e.SESSION_DAYS,
    officerIdleMinutes: e.OFFICER_IDLE_MINUTES,
    apiTokenDays: e.API_TOKEN_DAYS,
    jobsPollMs: e.JOBS_POLL_MS,
    audit: {
      signingKeyFile: path.resolve(e.AUDIT_SIGNING_KEY_FILE ?? path.join(e.DATA_DIR, 'audit-signing-key.pem')),
      checkpointFile: path.resolve(e.AUDIT_CHECKPOINT_FILE ?? path.join(e.DATA_DIR, 'audit-checkpoint.txt')),
      // The host without its port: processes of one installation on several ports must sign as one log.
      origin: e.AUDIT_LOG_ORIGIN ?? `${new URL(publicUrl).hostname}/audit`,
      sealSeconds: e.AUDIT_SEAL_SECONDS,
    },
    booking: {
      windowDays: e.BOOKING_WINDOW_DAYS,
      opensAt: e.BOOKING_OPENS_AT,
      billingValidMinutes: e.BILLING_VALID_MINUTES,
      applicantsPerAccount: e.APPLICANTS_PER_ACCOUNT,
      ratePerMinute: e.BOOKING_RATE_LIMIT_PER_MINUTE,
    },
    paymentWebhookSecret: e.PAYMENT_WEBHOOK_SECRET,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    storageQuotaBytes: e.STORAGE_QUOTA_BYTES,
    s3:
      e.STORAGE_S3_ENDPOINT && e.STORAGE_S3_BUCKET && e.STORAGE_S3_ACCESS_KEY && e.STORAGE_S3_SECRET_KEY
        ? {
            endpoint: e.STORAGE_S3_ENDPOINT,
            bucket: e.STORAGE_S3_BUCKET,
            region: e.STORAGE_S3_REGION,
            accessKey: e.STORAGE_S3_ACCESS_KEY,
            secretKey: e.STORAGE_S3_SECRET_KEY,
          }
        : undefined,
    lodgingRetentionDays: e.LODGING_RETENTION_DAYS,
    figuresMaxAgeSeconds: e.FIGURES_MAX_AGE_SECONDS,
    waitingRoom: {
      admitPerMinute: e.WAITING_ROOM_ADMIT_PER_MINUTE,
      passMinutes: e.WAITING_ROOM_PASS_MINUTES,
      hours: e.WAITING_ROOM_HOURS,
    },
    ...overrides,
  };
}
