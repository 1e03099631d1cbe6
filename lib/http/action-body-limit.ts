/**
 * The largest form a console or subscribe page posts (a postmortem with every
 * section full is a few hundred KB). next.config.ts sets the same figure as
 * Next's server-action limit.
 */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

const plain = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * Next answers a server-action body over its limit with a 500 (it throws past
 * the limit while decoding). Checked before Next reads a byte: a body declared
 * larger is a 413 with a message, and one that declares no length (chunked)
 * is a 411, as browsers always declare a form's length. Null: let it through.
 */
export function refuseOversizedBody(request: Request, max = MAX_ACTION_BODY_BYTES) {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS")
    return null;
  const length = request.headers.get("content-length");
  if (length === null)
    return request.body === null ? null : plain(411, "Send the form with a Content-Length.");
  if (Number(length) > max)
    return plain(413, `The form is larger than ${max / 1024} KB; nothing was saved.`);
  return null;
}
