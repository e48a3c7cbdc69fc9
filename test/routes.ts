import type { App } from '../src/platform/http/server.ts';

/** Every route the app registered, as "METHOD /pattern", sorted; HEAD routes (Fastify adds one per GET) left out. */
export function registeredRoutes(app: App): string[] {
  const found = new Set<string>();
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: true }).split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = (at - 1) / 4;
    const [, segment = '', methods] = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 3))!;
    paths.length = depth;
    const path = (paths[depth - 1] ?? '') + segment;
    paths.push(path);
    for (const m of methods?.split(', ') ?? []) found.add(`${m} ${path}`);
  }
  for (const route of found) {
    const [m, p] = route.split(' ');
    if (m === 'HEAD' && found.has(`GET ${p}`)) found.delete(route);
  }
  return [...found].sort();
}
