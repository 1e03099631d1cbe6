import { describe, expect, it } from "vitest";
import { cachedPage } from "./page-cache";

const page = (body: string, status = 200) => async () => new Response(body, { status, headers: { "content-type": "text/html", "x-frame-options": "DENY", "set-cookie": "a=b" } });

describe("rendered public pages in memory", () => {
  it("renders once per validator and serves the same bytes until it changes", async () => {
    let renders = 0;
    const render = async () => (renders++, page(`render ${renders}`)());
    const first = await cachedPage("/a", "v1", render);
    const again = await cachedPage("/a", "v1", render);
    expect(new TextDecoder().decode(again!.body)).toBe("render 1");
    expect(first).toBe(again);
    const afterPublish = await cachedPage("/a", "v2", render);
    expect(new TextDecoder().decode(afterPublish!.body)).toBe("render 2");
  });

  it("shares one render between concurrent requests", async () => {
    let renders = 0;
    const slow = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 50));
      return page("slow")();
    };
    await Promise.all(Array.from({ length: 20 }, () => cachedPage("/b", "v1", slow)));
    expect(renders).toBe(1);
  });

  it("keeps page headers but not per-transfer ones, and never caches an error", async () => {
    const kept = await cachedPage("/c", "v1", page("ok"));
    expect(Object.fromEntries(kept!.headers)).toMatchObject({ "content-type": "text/html", "x-frame-options": "DENY" });
    expect(kept!.headers.map(([h]) => h)).not.toContain("set-cookie");
    expect(await cachedPage("/d", "v1", page("boom", 500))).toBeNull();
    expect(await cachedPage("/e", "v1", async () => Promise.reject(new Error("down")))).toBeNull();
    expect((await cachedPage("/f", "v1", page("missing", 404)))!.status).toBe(404);
  });
});
