import { customAlphabet } from "nanoid";

/**
 * Public ids are 12-char lowercase alphanumerics, the shape Statuspage clients
 * expect (SPEC §8). 36^12 ≈ 4.7e18, so collisions are not a practical concern.
 */
export const newId = customAlphabet("0123456789abcdefghijklmnopqrstuvwxyz", 12);

/** Whether a value has the shape of an id newId made: any other value names nothing and never reaches a query. */
export const isPublicId = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-z]{12}$/.test(value);
