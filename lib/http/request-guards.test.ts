import { expect, it } from "vitest";
import { MAX_ACTION_BODY_BYTES, refuseOversizedBody } from "./action-body-limit";
import { hasUndecodablePath } from "./undecodable-path";

it("paths with an invalid %-escape are recognised; well-formed escapes are not", () => {
  for (const bad of ["/incidents/%zz", "/api/v2/%C0%AE", "/a/%E0%A4%A", "/%", "/x/%FF%FE"])
    expect(hasUndecodablePath(bad), bad).toBe(true);
  for (const good of ["/", "/incidents/abc123def456", "/a%20b", "/%25", "/%E2%9C%93", "/a/b/"])
    expect(hasUndecodablePath(good), good).toBe(false);
});

it("a form post declared over the limit is a 413, one with no length a 411, others pass", async () => {
  const post = (headers: Record<string, string>, body: string | null = "x") =>
    new Request("http://herald.test/subscribe", { method: "POST", headers, body });
  const tooBig = refuseOversizedBody(post({ "content-length": String(MAX_ACTION_BODY_BYTES + 1) }));
  expect(tooBig?.status).toBe(413);
  expect(await tooBig?.text()).toContain("nothing was saved");
  expect(refuseOversizedBody(post({}))?.status).toBe(411);
  expect(refuseOversizedBody(post({ "content-length": "1" }))).toBeNull();
  expect(refuseOversizedBody(new Request("http://herald.test/"))).toBeNull();
});
