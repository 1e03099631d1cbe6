import type { ZodError } from "zod";

export type ErrorCode =
  | "not_found"
  | "forbidden"
  | "unauthenticated"
  | "conflict"
  | "invalid"
  | "rate_limited"
  | "too_large"
  | "unsupported_media_type";

/**
 * The one error type domain functions throw. Each surface (server action,
 * HTTP API) maps it once: see lib/errors-http.ts and lib/action-state.ts.
 */
export class HeraldError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field name → message, for forms. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HeraldError";
  }

  static fromZod(error: ZodError, message = "Please correct the highlighted fields."): HeraldError {
    // A Map, then own properties: a client-chosen key such as "constructor" names a field, not Object's member.
    const fields = new Map<string, string>();
    for (const issue of error.issues) {
      const key = issue.path.join(".") || "_form";
      if (!fields.has(key)) fields.set(key, issue.message);
    }
    return new HeraldError("invalid", message, Object.fromEntries(fields));
  }
}

export const notFound = (what: string) => new HeraldError("not_found", `${what} not found.`);

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unsupported_media_type: 415,
};
