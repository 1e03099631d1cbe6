import { z } from "zod";

export const NUL_MESSAGE = "Remove the NUL character (\\0): it cannot be stored.";

/**
 * `z.string()` for every value a person or API client sends a domain function.
 * PostgreSQL text cannot hold U+0000, so without this check a NUL became a 500
 * at insert time; here it is a field error and nothing is written. Domain
 * schemas use this instead of `z.string()` (eslint enforces it).
 */
export const safeString = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).regex(/^[^\0]*$/, NUL_MESSAGE);
