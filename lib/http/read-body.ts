import { HeraldError } from "../errors";

/** No management call needs more: an incident with every field full is a few tens of KB. */
export const MAX_API_BODY_BYTES = 1024 * 1024;

const tooLarge = (max: number) =>
  new HeraldError("too_large", `The request body is larger than ${max / 1024} KB.`);

/**
 * The body as text, refusing (413) past `max` bytes without buffering more:
 * a declared Content-Length is checked first, then the stream is counted, as
 * a chunked body declares none.
 */
export async function readBodyCapped(request: Request, max = MAX_API_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Refuses (415) a body that does not say it is JSON: `text/plain` JSON is how forms forge API calls. */
export function requireJsonContentType(request: Request) {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json")
    throw new HeraldError(
      "unsupported_media_type",
      "Send the request body as JSON, with Content-Type: application/json.",
    );
}
