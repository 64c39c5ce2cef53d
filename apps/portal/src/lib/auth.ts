// Account actions over better-auth, reduced to ok / a failure with a stable code, so pages
// translate codes and never show a server's English message.

import type { Locale } from "@readers/ui";
import { inferAdditionalFields } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/solid";

// Same origin: better-auth resolves basePath against window.location.
const client = createAuthClient({
  basePath: "/api/auth",
  // The API lets a new account choose its language (e-mails are sent in it).
  plugins: [inferAdditionalFields({ user: { locale: { type: "string", required: false } } })],
});

export interface AuthFailure {
  /** HTTP status; 0 when the request never reached the server. */
  status: number;
  /** better-auth's error code (BASE_ERROR_CODES), when the server sent one. */
  code?: string;
}

export type AuthResult = { ok: true } | { ok: false; failure: AuthFailure };

type Call = Promise<{ error: { status: number; code?: string } | null }>;

async function run(call: () => Call): Promise<AuthResult> {
  try {
    const { error } = await call();
    if (!error) return { ok: true };
    return { ok: false, failure: { status: error.status, code: error.code } };
  } catch {
    return { ok: false, failure: { status: 0 } };
  }
}

export const auth = {
  signUp(input: { name: string; email: string; password: string; locale: Locale }) {
    return run(() => client.signUp.email(input));
  },
  signIn(input: { email: string; password: string }) {
    return run(() => client.signIn.email(input));
  },
  signOut() {
    return run(() => client.signOut());
  },
  /** The e-mailed link lands on /reset-password?token=… (or ?error=INVALID_TOKEN). */
  requestPasswordReset(email: string) {
    return run(() => client.requestPasswordReset({ email, redirectTo: "/reset-password" }));
  },
  resetPassword(input: { newPassword: string; token: string }) {
    return run(() => client.resetPassword(input));
  },
  /** Asks to move the account to `newEmail`: a link goes there, and the change happens when it is opened. */
  changeEmail(newEmail: string) {
    return run(() => client.changeEmail({ newEmail, callbackURL: "/profile" }));
  },
  /** Sends the confirmation link again; it lands on the home page once followed. */
  sendVerificationEmail(email: string) {
    return run(() => client.sendVerificationEmail({ email, callbackURL: "/" }));
  },
};
