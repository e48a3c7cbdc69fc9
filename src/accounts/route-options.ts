import type { FastifyReply } from 'fastify';

/** What the account routes share: the limit on guessing routes and how a new session reaches the browser. */
export type AccountRouteOptions = {
  authLimit: object;
  setSessionCookie: (reply: FastifyReply, token: string) => unknown;
};
