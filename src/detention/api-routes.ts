import type { FastifyInstance } from 'fastify';
export function registerDetentionApiRoutes(_app: FastifyInstance): void {}
