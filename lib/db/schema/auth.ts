import { boolean, integer, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { pgTable } from "drizzle-orm/pg-core";
import { at, createdAt, id, updatedAt } from "./columns";
import { role } from "./enums";

/**
 * Console users. The first five columns are the shape Auth.js's drizzle adapter
 * expects; role and password hash are Herald's own.
 */
export const users = pgTable(
  "users",
  {
    id: id(),
    name: text(),
    email: text().notNull(),
    emailVerified: at(),
    image: text(),
    role: role().notNull().default("viewer"),
    passwordHash: text(),
    /**
     * Part of every session (JWT) this member holds; a session whose copy differs
     * is refused. Raising it ends all their sessions on every instance (sign-out,
     * role change, password change).
     */
    sessionVersion: integer().notNull().default(0),
    /** Set by an invitation: the handed-over password works for one sign-in, then a new one must be chosen. */
    mustChangePassword: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);
export type User = typeof users.$inferSelect;

/** OAuth/OIDC accounts linked to a user (Auth.js adapter shape). */
export const accounts = pgTable(
  "accounts",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().$type<"oauth" | "oidc" | "email" | "webauthn">().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Database sessions (unused with JWT sessions, kept for the adapter's contract). */
export const sessions = pgTable("sessions", {
  sessionToken: text().primaryKey(),
  userId: text()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: at().notNull(),
});

/** Magic-link tokens (Auth.js stores them hashed). */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * Forgot-password links. Only a SHA-256 of the token is stored; a row is
 * deleted when used (single use) and refused after `expiresAt`.
 */
export const passwordResetTokens = pgTable("password_reset_tokens", {
  tokenHash: text().primaryKey(),
  userId: text()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: at().notNull(),
  createdAt: createdAt(),
});

/** Keys for the management API; only a hash is stored. */
export const apiKeys = pgTable("api_keys", {
  id: id(),
  name: text().notNull(),
  prefix: text().notNull(),
  keyHash: text().notNull().unique(),
  canWrite: boolean().notNull().default(false),
  createdBy: text().references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  lastUsedAt: at(),
  revokedAt: at(),
});
export type ApiKey = typeof apiKeys.$inferSelect;
