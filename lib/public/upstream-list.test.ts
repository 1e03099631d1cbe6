import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { UpstreamList } from "@/components/status/upstream-list";

it("says 'Status unknown since' for an upstream it cannot read, and labels the group with its source", () => {
  const since = new Date("2026-12-01T09:58:00Z");
  const html = renderToStaticMarkup(
    createElement(UpstreamList, {
      timeZone: "UTC",
      upstreams: [
        {
          id: "aaaaaaaaaaaa",
          name: "AWS",
          host: "status.aws.example",
          unknownSince: since,
          createdAt: since,
          components: [
            {
              id: "bbbbbbbbbbbb",
              name: "EC2 – N. Virginia",
              status: null,
              unknownSince: since,
              createdAt: since,
              updatedAt: since,
            },
          ],
        },
      ],
    }),
  );
  expect(html).toContain("AWS (via status.aws.example)");
  expect(html).toContain("Status unknown since");
  expect(html).toContain(since.toISOString());
  expect(html).not.toMatch(/Operational|outage/i);
});
