import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.ts';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockFolder } from './folder-lock.ts';
import { hostListClient, parseHostList } from './multi-host.ts';

/** One drizzle type for both drivers: the code above this module never knows which one it got. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Db | Tx;

export type DriverKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  /**
   * Where reports and statistics read: the pool of `readUrl` (DATABASE_READ_URL, a standby; its sessions are
   * read-only), else `db` itself.
   */
  readDb: Db;
  kind: DriverKind;
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /**
   * PGlite only: the whole database as a tarball (gzip unless told `none`), to start other instances from (tests,
   * backups). Called inside a transaction on this database, it sees that transaction's state and no other (see
   * platform/backup).
   */
  dumpDataDir?(compression?: 'gzip' | 'none'): Promise<Blob>;
  /**
   * Statements sent to the database so far (BEGIN and COMMIT included): each is one round trip, as neither driver
   * pipelines. Benchmarks read it to count round trips per request instead of estimating them.
   */
  roundTrips(): number;
};

export const migrationsFolder = path.join(projectRoot, 'migrations');

/**
 * Whether the database already has every migration of this release: then starting runs no DDL at all, so the
 * application's role needs no CREATE privilege (drizzle's migrator begins with CREATE SCHEMA even when nothing is
 * new). Drizzle records each applied migration with its journal time.
 */
async function migrationsApplied(client: { query: (text: string) => Promise<{ rows: unknown[] }> }) {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  const [table] = (await client.query(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`))
    .rows as { present: boolean }[];
  if (!table?.present) return false;
  const [last] = (await client.query('select max(created_at)::float8 as at from drizzle.__drizzle_migrations'))
    .rows as { at: number | null }[];
  return (last?.at ?? 0) >= newest;
}

/** How long PostgreSQL may take before a request gives up instead of hanging (milliseconds). */
export type Timeouts = { connectMs: number; statementMs: number; idleInTransactionMs: number };
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 5_000, statementMs: 15_000, idleInTransactionMs: 30_000 };

export type OpenOptions =
  | {
      kind: 'postgres';
      /** One host, or several as libpq writes them, with target_session_attrs (see multi-host.ts). */
      url: string;
      /** A second pool for reports and statistics, read-only: a standby of `url`'s primary. */
      readUrl?: string;
      poolSize?: number;
      timeouts?: Partial<Timeouts>;
      /** A connection that dies while idle or between queries (restart, failover, idle kill) is reported here. */
      onConnectionError?: (err: Error) => void;
    }
  | {
      kind: 'pglite';
      /** A folder on disk, locked against a second process for as long as the database is open. */
      dataDir?: string;
      loadDataDir?: Blob;
      /** What the lock file says about this process, for whoever is refused (e.g. "serve" and its URL). */
      holder?: { command: string; url?: string };
    };

/** Connections per process to PostgreSQL. */
export const DEFAULT_POOL_SIZE = 20;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  // Each driver is loaded only when chosen: it keeps the start of the other kind of installation fast.
  return options.kind === 'postgres' ? openPostgres(options) : openPglite(options);
}

/**
 * One statement at a time on a connection: a transaction's statements started side by side (Promise.all over an
 * executor that is a transaction) wait for the one before, where pg 8 queues them with a deprecation and pg 9 will
 * not. Callback forms (the pool's own one-statement checkout) and submittables (cursors) pass as they were. `sent`
 * counts every statement (Database.roundTrips).
 */
function oneStatementAtATime(client: { query: unknown }, sent: () => void): void {
  const query = (client.query as (...args: unknown[]) => unknown).bind(client);
  let previous: Promise<void> = Promise.resolve();
  const inTurn = async (args: unknown[]) => {
    const before = previous;
    let done!: () => void;
    previous = new Promise((resolve) => (done = resolve));
    try {
      await before;
      // Awaited here, so that the driver's error keeps the caller's frames in its stack.
      return await query(...args);
    } finally {
      done();
    }
  };
  client.query = (...args: unknown[]) => {
    sent();
    const first = args[0] as { submit?: unknown; callback?: unknown } | null | undefined;
    const plain = typeof args.at(-1) !== 'function' && typeof first?.submit !== 'function' && !first?.callback;
    return plain ? inTurn(args) : query(...args);
  };
}

async function openPostgres(options: Extract<OpenOptions, { kind: 'postgres' }>): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const onConnectionError = options.onConnectionError ?? (() => undefined);
  // node-postgres connects to one host: a host list gets a Client class that finds the one whose session suits.
  const connectionOf = (url: string) => {
    const list = parseHostList(url);
    return list
      ? { connectionString: list.base, Client: hostListClient(pg, list, timeouts.connectMs) }
      : { connectionString: url, Client: pg.Client };
  };
  const primary = connectionOf(options.url);
  let roundTrips = 0;
  const openPool = (connection: ReturnType<typeof connectionOf>, sessionOptions?: string) => {
    const pool = new pg.Pool({
      ...connection,
      options: sessionOptions,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      // The server cancels a slow statement itself; this is for a server that no longer answers at all.
      query_timeout: timeouts.statementMs + timeouts.connectMs,
      keepAlive: true,
    });
    // Without these listeners a terminated connection is an unhandled 'error' event, which ends the process.
    pool.on('error', onConnectionError);
    pool.on('connect', (client) => {
      client.on('error', onConnectionError);
      oneStatementAtATime(client, () => roundTrips++);
    });
    return pool;
  };
  const pool = openPool(primary);
  // Read-only sessions: a write sent to the read pool by mistake fails even when it reaches a primary.
  const readPool = options.readUrl
    ? openPool(connectionOf(options.readUrl), '-c default_transaction_read_only=on')
    : null;
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    readDb: readPool ? drizzlePg(readPool) : db,
    kind: 'postgres',
    async migrate() {
      // Several processes (test workers, replicas) may start at once: one migrates, the others wait. A
      // connection of its own, without the request timeouts: a migration or the wait for one may take long.
      const client = new primary.Client({
        connectionString: primary.connectionString,
        connectionTimeoutMillis: timeouts.connectMs,
      });
      client.on('error', onConnectionError);
      await client.connect();
      try {
        await client.query('select pg_advisory_lock(7410001)');
        if (!(await migrationsApplied(client))) await migratePg(drizzlePg(client), { migrationsFolder });
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    close: async () => {
      await Promise.all([pool.end(), readPool?.end()]);
    },
    roundTrips: () => roundTrips,
  };
}

async function openPglite(options: Extract<OpenOptions, { kind: 'pglite' }>): Promise<Database> {
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  let unlock = () => undefined as void;
  if (options.dataDir) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    unlock = lockFolder(options.dataDir, options.holder ?? { command: 'sikoe' });
    fs.mkdirSync(options.dataDir, { recursive: true });
  }
  let client;
  try {
    client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  } catch (err) {
    unlock();
    throw err;
  }
  const roundTrips = instrumentPglite(client as unknown as Transacting);
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    readDb: db,
    kind: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    async close() {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
    dumpDataDir: (compression = 'gzip') => client.dumpDataDir(compression),
    roundTrips,
  };
}

type Queryable = { query: (...args: unknown[]) => Promise<unknown>; exec: (...args: unknown[]) => Promise<unknown> };
type Transacting = Queryable & { transaction: (fn: (tx: Queryable) => Promise<unknown>) => Promise<unknown> };

/** On PGlite's client and its transactions: the names of the statements prepared in this database (see preparedRows). */
const PREPARED = Symbol('sikoe.prepared');
/** On PGlite's transactions: a failed PREPARE there must not abort the transaction. */
const IN_TRANSACTION = Symbol('sikoe.inTransaction');
type Prepared = { [PREPARED]?: Set<string>; [IN_TRANSACTION]?: boolean };

/**
 * Counts PGlite's statements as the pg pool counts its queries (a transaction is its BEGIN, its statements and its
 * end), and marks the client and its transactions with the set of statements prepared in this database.
 */
function instrumentPglite(client: Transacting): () => number {
  let n = 0;
  const prepared = new Set<string>();
  const counting = <Q extends Queryable>(target: Q, inTransaction: boolean): Q => {
    const { query, exec } = target;
    target.query = (...args) => (n++, query.apply(target, args));
    target.exec = (...args) => (n++, exec.apply(target, args));
    Object.assign(target, { [PREPARED]: prepared, [IN_TRANSACTION]: inTransaction });
    return target;
  };
  counting(client, false);
  const transaction = client.transaction;
  client.transaction = (fn) => {
    n += 2;
    return transaction.call(client, (tx) => fn(counting(tx, true)));
  };
  return () => n;
}

/** Chooses PostgreSQL when a URL is configured, else the embedded PGlite under the data folder. */
export function openConfiguredDatabase(
  config: {
    databaseUrl?: string;
    databaseReadUrl?: string;
    dataDir: string;
    database: { poolSize: number; timeouts: Timeouts };
  },
  options: { holder: { command: string; url?: string }; onConnectionError?: (err: Error) => void },
): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({
        kind: 'postgres',
        url: config.databaseUrl,
        readUrl: config.databaseReadUrl,
        poolSize: config.database.poolSize,
        timeouts: config.database.timeouts,
        onConnectionError: options.onConnectionError,
      })
    : openDatabase({ kind: 'pglite', dataDir: pgliteFolder(config.dataDir), holder: options.holder });
}

export const pgliteFolder = (dataDir: string) => path.join(dataDir, 'pglite');

// SQLSTATE classes and codes that mean "the database is not there right now", not "the request is wrong":
// connection exceptions, shutdowns and restarts, and a statement cancelled by statement_timeout.
const unavailableStates = /^(08...|57P0[1-4]|57014|53300)$/;
const unavailableErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
const unavailableMessages =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error|Cannot use a pool after calling end/;

/** True when a query failed because the database could not be reached or went away (answer 503, not 500). */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 3; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (unavailableStates.test(code) || unavailableErrnos.has(code))) return true;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** SQLSTATE of a failed query, wherever the driver put it (drizzle wraps it in `cause`). */
export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Name of the constraint a failed query violated, wherever the driver put it. */
export function constraintOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 3; depth++) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether the database answers within `timeoutMs`; never throws and never waits longer. */
export async function ping(db: Db, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const answer = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Transactions naming the same `key` in the same `space` take turns from here until they end: a two-key advisory
 * lock (each use has its own space; two-key locks never meet the one-key audit and migration locks).
 */
export async function takeTurn(tx: Executor, space: number, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${space}, hashtext(${key}))`);
}

/** Rows of a raw SQL query; both drivers return them under `rows`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

const dialect = new PgDialect();

/**
 * Like queryRows, as a named prepared statement: PostgreSQL parses and plans it once per connection and, after a
 * few runs, keeps a generic plan. For hot paths only; `name` must always stand for the same SQL text (only the
 * parameters may differ). PGlite runs it as an ordinary query.
 */
export async function preparedRows<T>(db: Executor, name: string, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const statement = db._.session.prepareQuery({ sql: text, params }, undefined, name, false) as unknown as {
    client: Queryable & Prepared;
    rawQueryConfig: unknown;
    execute(): Promise<{ rows: T[] }>;
  };
  const { client } = statement;
  const prepared = client[PREPARED];
  const values = prepared && literals(params);
  if (!prepared || values === null || !(await prepareOnce(client, prepared, name, text)))
    return (await statement.execute()).rows;
  const result = (await client.query(`execute ${name}(${values})`, [], statement.rawQueryConfig)) as { rows: T[] };
  return result.rows;
}

/**
 * PGlite has no named statements in its protocol API, so a hot statement is prepared with SQL's PREPARE once per
 * database and run with EXECUTE: parsing and planning a statement such as booking's situation costs PGlite (one
 * thread, WebAssembly) several times what running it does. Statements that cannot be prepared run as they are.
 */
async function prepareOnce(client: Queryable & Prepared, prepared: Set<string>, name: string, text: string) {
  if (prepared.has(name)) return true;
  if (unpreparable.has(name)) return false;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`prepared statement name "${name}" is not an identifier`);
  try {
    // Inside a transaction behind a savepoint: a failed PREPARE would otherwise abort it. PREPARE itself outlives
    // the transaction whatever its end.
    await client.exec(
      client[IN_TRANSACTION]
        ? `savepoint sikoe_prepare; prepare ${name} as ${text}; release savepoint sikoe_prepare`
        : `prepare ${name} as ${text}`,
    );
    prepared.add(name);
    return true;
  } catch {
    if (client[IN_TRANSACTION])
      await client.exec('rollback to savepoint sikoe_prepare; release savepoint sikoe_prepare');
    unpreparable.add(name);
    return false;
  }
}
const unpreparable = new Set<string>();

/**
 * The parameters as SQL literals for EXECUTE (the statement's parameter types convert them), or null if one cannot be.
 * Quoting doubles single quotes only: with standard_conforming_strings on (PostgreSQL's default since 9.1, PGlite's)
 * a backslash is an ordinary character, and the NUL byte no string can hold is refused before any use case.
 */
function literals(params: unknown[]): string | null {
  const out: string[] = [];
  for (const v of params) {
    if (v === null || v === undefined) out.push('null');
    else if (typeof v === 'string') out.push(`'${v.replaceAll("'", "''")}'`);
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') out.push(`'${String(v)}'`);
    else if (v instanceof Date) out.push(`'${v.toISOString()}'`);
    else return null;
  }
  return out.join(', ');
}
