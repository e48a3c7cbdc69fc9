import type { FastifyInstance } from 'fastify';
export function registerRefugeePages(_app: FastifyInstance): void {}
