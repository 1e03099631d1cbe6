import { request } from "node:http";

/** What a browser sends: the bench measures the bytes a visitor's browser would receive. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";

export type RawResponse = { status: number; headers: Record<string, string>; body: Buffer };

/** A GET that keeps the body as it crossed the wire (fetch would decompress it and hide its size). */
export function rawGet(
  url: string,
  headers: Record<string, string> = { "accept-encoding": BROWSER_ACCEPT_ENCODING },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on("data", (c: Buffer) => chunks.push(c))
        .on("end", () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers as Record<string, string>,
            body: Buffer.concat(chunks),
          }),
        )
        .on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}
