/** Plain-language messages for better-auth's failures, shown on the sign-in and sign-up forms. */

const BY_CODE: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "That email and password do not match an account. Check both and try again.",
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists. Sign in instead.",
  PASSWORD_TOO_SHORT: "The password is too short: use at least 8 characters.",
  PASSWORD_TOO_LONG: "The password is too long: use at most 128 characters.",
  INVALID_EMAIL: "That does not look like an email address.",
};

/** The message for a failed auth response (status and better-auth's JSON body). */
export function authFailureMessage(status: number, body: unknown, retryAfterSeconds?: number): string {
  if (status === 429) {
    const wait = retryAfterSeconds && retryAfterSeconds > 0 ? `${retryAfterSeconds} seconds` : "a minute";
    return `Too many attempts from this network. Wait ${wait} and try again.`;
  }
  const { code, message } = (typeof body === "object" && body !== null ? body : {}) as {
    code?: unknown;
    message?: unknown;
  };
  if (typeof code === "string" && BY_CODE[code]) return BY_CODE[code];
  if (status >= 500) return "The server could not complete this. Try again in a moment.";
  if (typeof message === "string" && message) return message;
  return `That did not work (error ${status}). Try again.`;
}
