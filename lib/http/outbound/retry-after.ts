/**
 * How long a receiver asked us to wait (`Retry-After`: seconds or an HTTP date),
 * in milliseconds; undefined when absent or unreadable. Capped at a day so a
 * hostile receiver cannot park a delivery forever.
 */
export function parseRetryAfter(value: string | undefined, now = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now.getTime();
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), 86_400_000);
}
