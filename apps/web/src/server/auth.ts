import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getConfig } from "@forecourt/config";
import { SESSION_LIFETIME_DAYS, signInWithPassword } from "@forecourt/core";
import { clientIp } from "./client-ip";

/** A refused sign-in; `code` travels to the sign-in form, which turns it into a message. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/**
 * Auth.js v5 with e-mail and password. The token holds only the id of a UserSession row;
 * who the user is and what they may do is read from the database on each request (see
 * session.ts), so suspending a user or revoking a session takes effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: getConfig().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_DAYS * 86_400 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // A refused sign-in is an expected outcome (shown on the form), not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, totpCode: {} },
      async authorize(credentials, request) {
        const result = await signInWithPassword({
          email: String(credentials.email ?? ""),
          password: String(credentials.password ?? ""),
          totpCode: credentials.totpCode ? String(credentials.totpCode) : undefined,
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (result.ok) return { id: result.userId, sessionId: result.sessionId };
        if (result.reason === "rate_limited") {
          throw new SignInRefused(`rate_limited_${result.scope}:${result.retryAfterSeconds}`);
        }
        throw new SignInRefused(result.reason);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sessionId" in user) token.sid = user.sessionId as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
});
