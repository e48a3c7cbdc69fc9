import net, { type AddressInfo } from 'node:net';

export type TcpProxy = {
  /** host:port to connect to instead of the target. */
  address: string;
  /** Ends every connection and refuses new ones, as a database that went down does. */
  down(): void;
  /** Accepts connections (new and existing) but passes nothing on, as a database host that stopped answering. */
  silent(): void;
  /** Passes traffic again. */
  up(): void;
  close(): Promise<void>;
};

/** A TCP proxy in front of a real server, to take it away and bring it back under a running client. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'up' | 'down' | 'silent' = 'up';
  const pairs = new Set<[net.Socket, net.Socket | undefined]>();
  const server = net.createServer((client) => {
    if (mode === 'down') return client.destroy();
    const pair: [net.Socket, net.Socket | undefined] = [client, undefined];
    pairs.add(pair);
    client.on('error', () => undefined);
    client.on('close', () => {
      pairs.delete(pair);
      pair[1]?.destroy();
    });
    if (mode === 'silent') return;
    connect(pair);
  });
  const connect = (pair: [net.Socket, net.Socket | undefined]) => {
    const upstream = net.connect(target.port, target.host);
    pair[1] = upstream;
    upstream.on('error', () => pair[0].destroy());
    upstream.on('close', () => pair[0].destroy());
    // Data is passed on only while the proxy is up; while silent it is dropped, never answered.
    pair[0].on('data', (chunk) => mode === 'up' && upstream.write(chunk));
    upstream.on('data', (chunk) => mode === 'up' && pair[0].write(chunk));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    down() {
      mode = 'down';
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream?.destroy();
      }
    },
    silent() {
      mode = 'silent';
    },
    up() {
      mode = 'up';
    },
    async close() {
      mode = 'down';
      for (const [client, upstream] of pairs) {
        client.destroy();
        upstream?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
