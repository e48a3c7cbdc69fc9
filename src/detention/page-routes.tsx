import type { FastifyInstance } from 'fastify';
export function registerDetentionPages(_app: FastifyInstance): void {}
