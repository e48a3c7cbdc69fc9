import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Secrets the server generates once and shares between processes (cookie signing, QR signing). */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
