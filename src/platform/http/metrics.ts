import crypto from 'node:crypto';
import net from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import client from 'prom-client';
import { AppError } from '../errors.ts';
import { metricsSource } from './cluster-metrics.ts';

/** Addresses and CIDR networks ("10.0.0.0/8", "::1") as a block list Node checks for us. */
function allowList(entries: string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = net.isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

const sameSecret = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
};

/**
 * Prometheus metrics: process defaults plus request durations labelled by route pattern (never the raw URL). Only
 * for the monitoring system: a client on the allow-list (by default this machine), or one with the metrics token.
 * Without TRUST_PROXY a request that came through a proxy (it carries X-Forwarded-For or Forwarded) is from
 * outside whatever address it arrives from: a proxy on this machine would otherwise make everyone "this machine".
 */
export function registerMetrics(
  app: FastifyInstance,
  access: { token: string | undefined; allow: string[] },
  behindTrustedProxy: boolean,
): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'sikoe_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  const metrics = metricsSource(registry);
  const allowed = allowList(access.allow);
  const mayRead = (req: FastifyRequest) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (access.token && bearer) return sameSecret(bearer, access.token);
    if (!behindTrustedProxy && (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined))
      return false;
    const ip = req.ip.replace(/^::ffff:/, '');
    return allowed.check(ip, net.isIPv6(ip) ? 'ipv6' : 'ipv4');
  };
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayRead(req)) throw new AppError('forbidden');
    reply.type(registry.contentType);
    return metrics();
  });
}
