import { rawGet } from "./raw-get";

export type PageWeight = { html: number; css: number; js: number; total: number; requests: number };

/** Bytes a first visit to `/` transfers for HTML, CSS and JS, as a browser accepting Brotli and gzip receives them. */
export async function measurePageWeight(base: string): Promise<PageWeight> {
  const page = await rawGet(`${base}/`);
  const html = (await rawGet(`${base}/`, {})).body.toString("utf8");
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const js = [...html.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const sizeOf = async (urls: string[]) =>
    (await Promise.all([...new Set(urls)].map((u) => rawGet(new URL(u, base).toString())))).reduce(
      (sum, r) => sum + r.body.length,
      0,
    );
  const weight = { html: page.body.length, css: await sizeOf(css), js: await sizeOf(js) };
  return {
    ...weight,
    total: weight.html + weight.css + weight.js,
    requests: 1 + new Set(css).size + new Set(js).size,
  };
}
