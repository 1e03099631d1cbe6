import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import type { JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { config, mailTransportConfigured, type Config } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db";
import { accounts, sessions, users, verificationTokens } from "@/lib/db/schema";
import { authenticateWithPassword } from "@/lib/auth/authenticate-password";
import { findUserByEmail } from "@/lib/auth/find-user-by-email";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { sendSignInLink } from "@/lib/auth/send-sign-in-link";
import { logAuthError } from "@/lib/auth/log-auth-error";
import { loadUserActor, type SessionClaims } from "@/lib/auth/load-actor";
import { currentSessionVersion } from "@/lib/auth/session-version";
import { HeraldError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";

declare module "next-auth" {
  interface Session {
    /** The member's session version when this session was minted (see lib/auth/load-actor.ts). */
    sessionVersion: number | null;
  }
}

const claimsOf = (token: JWT): SessionClaims => ({
  userId: token.sub,
  sessionVersion: typeof token.sv === "number" ? token.sv : null,
});

class WrongCredentials extends CredentialsSignin {
  code = "wrong_credentials";
}

/** Too many attempts: Auth.js's own endpoint redirects with `code=rate_limited` (the form asks the limiter itself: signInWaitMs). */
export class SignInThrottled extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly userMessage: string) {
    super();
  }
}

/** Which sign-in methods this deployment offers (used by the sign-in page too). */
export function enabledSignInMethods(c: Config = config()) {
  return {
    magicLink: mailTransportConfigured(c),
    // Reset links go by real mail only: the dev outbox is readable by other members.
    passwordReset: mailTransportConfigured(c),
    github: Boolean(c.AUTH_GITHUB_ID),
    google: Boolean(c.AUTH_GOOGLE_ID),
    oidc: c.OIDC_CLIENT_ID ? c.OIDC_NAME : null,
  };
}

function providers(db: Db, c: Config): Provider[] {
  const enabled = enabledSignInMethods(c);
  const list: Provider[] = [
    Credentials({
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const user = await authenticateWithPassword(db, credentials, {
          client: clientAddress(request.headers),
        }).catch((error: unknown) => {
          // By code, not class: Next may bundle lib/errors more than once.
          const refusal = error as HeraldError | null;
          if (refusal?.code === "rate_limited") throw new SignInThrottled(refusal.message);
          throw error;
        });
        if (!user) throw new WrongCredentials();
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (enabled.magicLink) {
    list.push({
      id: "email",
      type: "email",
      name: "Email",
      from: c.MAIL_FROM,
      maxAge: 15 * 60,
      options: {},
      sendVerificationRequest: ({ identifier, url }) => sendSignInLink(db, c, identifier, url),
    });
  }
  // Members are invited by email, so linking an OAuth identity to the member
  // with the same (provider-verified) email is the intended behaviour.
  if (enabled.github)
    list.push(
      GitHub({
        clientId: c.AUTH_GITHUB_ID,
        clientSecret: c.AUTH_GITHUB_SECRET,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  if (enabled.google)
    list.push(
      Google({
        clientId: c.AUTH_GOOGLE_ID,
        clientSecret: c.AUTH_GOOGLE_SECRET,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  if (enabled.oidc) {
    list.push({
      id: "oidc",
      name: enabled.oidc,
      type: "oidc",
      issuer: c.OIDC_ISSUER,
      clientId: c.OIDC_CLIENT_ID,
      clientSecret: c.OIDC_CLIENT_SECRET,
      allowDangerousEmailAccountLinking: true,
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const c = config();
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: await resolveAuthSecret(db, c.AUTH_SECRET),
    trustHost: true,
    logger: { error: logAuthError },
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers: providers(db, c),
    callbacks: {
      // Herald is invite-only: magic links and OAuth admit existing members only.
      async signIn({ user, account, email }) {
        if (account?.provider === "credentials" || email?.verificationRequest) return true;
        return Boolean(await findUserByEmail(db, user.email));
      },
      // The session carries the member's session version from sign-in; every
      // later read re-checks it (and the member's existence), so a revoked
      // session is dropped here, its cookie cleared, on whichever instance.
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sv = await currentSessionVersion(db, user.id);
          return token;
        }
        const actor = await loadUserActor(db, claimsOf(token));
        return actor.kind === "user" ? token : null;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionVersion = claimsOf(token).sessionVersion ?? null;
        return session;
      },
    },
  };
});
