import type pg from 'pg';

/**
 * libpq's multi-host connection strings (`postgres://h1:5432,h2:5433/db?target_session_attrs=read-write`) for
 * node-postgres, which connects to one host and knows no target_session_attrs: a failover pair (pg_auto_failover's
 * `pg_autoctl show uri`) names every node, and whichever is the primary now takes the writes.
 */
export type SessionAttrs = 'any' | 'read-write' | 'read-only' | 'primary' | 'standby' | 'prefer-standby';
const sessionAttrs: readonly SessionAttrs[] = [
  'any',
  'read-write',
  'read-only',
  'primary',
  'standby',
  'prefer-standby',
];

export type Host = { host: string; port: number };
export type HostList = {
  hosts: Host[];
  attrs: SessionAttrs;
  /** The URL with its first host only and without target_session_attrs: user, database and the other settings. */
  base: string;
};

type PgModule = typeof pg;
type SessionState = { standby: boolean; readOnly: boolean };

/** The hosts and session wanted, or null for a URL node-postgres takes as it is (one host, any session). */
export function parseHostList(url: string): HostList | null {
  const match = /^(postgres(?:ql)?:\/\/)([^/?#]*)(.*)$/.exec(url);
  if (!match) return null;
  const [, scheme, authority = '', rest = ''] = match;
  const at = authority.lastIndexOf('@');
  const userInfo = authority.slice(0, at + 1);
  const hostPart = authority.slice(at + 1);
  const queryAt = rest.indexOf('?');
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : rest.slice(queryAt + 1));
  const attrs = query.get('target_session_attrs') ?? 'any';
  if (!sessionAttrs.includes(attrs as SessionAttrs))
    throw new Error(`target_session_attrs must be one of ${sessionAttrs.join(', ')}`);
  const entries = hostPart.split(',');
  // Left as it is: a socket folder or a host in the query (`?host=`) as well.
  if (entries.length === 1 && attrs === 'any') return null;
  query.delete('target_session_attrs');
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return {
    hosts: entries.map(parseHost),
    attrs: attrs as SessionAttrs,
    base: `${scheme}${userInfo}${entries[0]}${path}${search}`,
  };
}

function parseHost(entry: string): Host {
  const match = /^(\[[^\]]+\]|[^:[\]]*)(?::(\d+))?$/.exec(entry);
  if (!match || !match[1]) throw new Error('a host in the database URL is empty or malformed');
  return { host: decodeURIComponent(match[1].replace(/^\[(.*)\]$/, '$1')), port: Number(match[2] ?? 5432) };
}

const suits = (state: SessionState, attrs: Exclude<SessionAttrs, 'prefer-standby'>): boolean =>
  attrs === 'any' ||
  (attrs === 'read-write' && !state.readOnly) ||
  (attrs === 'read-only' && state.readOnly) ||
  (attrs === 'primary' && !state.standby) ||
  (attrs === 'standby' && state.standby);

async function sessionState(client: pg.Client): Promise<SessionState> {
  const { rows } = await client.query<SessionState>(
    `select pg_is_in_recovery() as standby, current_setting('transaction_read_only') = 'on' as "readOnly"`,
  );
  return rows[0]!;
}

/** SQLSTATE 08001 (unable to establish connection), as libpq says: a 503 to the caller, never a 500. */
function noHostError(attrs: SessionAttrs): Error {
  return Object.assign(new Error(`no database host accepts a session with target_session_attrs=${attrs}`), {
    code: '08001',
  });
}

/**
 * The Client class a pool uses for a host list: it connects to the host found last, and finds one again, the way
 * libpq does (each host in order, its session checked), when there is none yet or the one found failed: could not
 * be reached, lost a connection, or no longer suits (a former primary back as a standby). Each new connection checks
 * its session once more, so a pool never writes to a standby however quickly the roles change.
 */
export function hostListClient(pgModule: PgModule, list: HostList, connectMs: number): typeof pg.Client {
  let known: Host | null = null;
  let finding: Promise<Host> | null = null;
  const forget = (host: Host) => {
    if (known === host) known = null;
  };
  const passes: Exclude<SessionAttrs, 'prefer-standby'>[] =
    list.attrs === 'prefer-standby' ? ['standby', 'any'] : [list.attrs];

  async function probe(host: Host): Promise<SessionState | null> {
    const client = new pgModule.Client({
      connectionString: list.base,
      connectionTimeoutMillis: connectMs,
      query_timeout: connectMs,
    });
    client.host = host.host;
    client.port = host.port;
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await sessionState(client);
    } catch {
      return null;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async function find(): Promise<Host> {
    const states = new Map<Host, SessionState | null>();
    for (const attrs of passes)
      for (const host of list.hosts) {
        if (!states.has(host)) states.set(host, await probe(host));
        const state = states.get(host);
        if (state && suits(state, attrs)) return host;
      }
    throw noHostError(list.attrs);
  }

  /** The host found last, or one found now: connections that start together share one search. */
  const current = (): Promise<Host> =>
    known
      ? Promise.resolve(known)
      : (finding ??= find()
          .then((host) => (known = host))
          .finally(() => (finding = null)));

  return class HostListClient extends pgModule.Client {
    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error | null, client?: pg.Client) => void): void;
    override connect(callback?: (err: Error | null, client?: pg.Client) => void): Promise<pg.Client> | void {
      const connected = current().then(async (host) => {
        // The pool gives up on a connection that takes too long by destroying its socket, perhaps before it is used.
        if (this.connection.stream.destroyed) throw new Error('timeout expired');
        this.host = host.host;
        this.port = host.port;
        this.on('error', () => forget(host));
        try {
          await super.connect();
        } catch (err) {
          forget(host);
          throw err;
        }
        if (list.attrs !== 'prefer-standby' && !suits(await sessionState(this), list.attrs)) {
          forget(host);
          await this.end().catch(() => undefined);
          throw noHostError(list.attrs);
        }
        return this;
      });
      if (!callback) return connected;
      connected.then(
        (client) => callback(null, client),
        (err: Error) => callback(err),
      );
    }
  };
}
