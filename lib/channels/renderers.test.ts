import { describe, expect, it } from "vitest";
import { CHAT_CHANNELS } from "../db/schema/enums";
import { checkChatPayload } from "../testing/chat-payload-checks";
import { renderChat } from "./adapters";
import type { ChatMessage } from "./chat-message";
import { DISCORD_LIMITS, escapeDiscord } from "./discord";
import { fitEscaped } from "./fit-text";
import { escapeMattermost } from "./mattermost";
import { markdownToPlainText } from "./plain-text";
import { interpretChatAnswer } from "./post-chat";
import { escapeSlack } from "./slack";

/** Everything at once over every limit: a very long title, body and component list. */
const huge: ChatMessage = {
  pageName: "Acme & <Co> ".repeat(40),
  brandColor: "#123456",
  title: "*Outage* <!here> ".repeat(100),
  url: "https://status.example.com/incidents/abc123abc123",
  linkLabel: "View incident",
  tone: "attention",
  body: "&<>*_~`|[]()#\\ ".repeat(2000),
  fields: Array.from({ length: 40 }, (_, i) => ({
    name: `Component ${i} & <more>`.repeat(20),
    value: "Major outage * _ ".repeat(200),
  })),
  threadKey: "herald-incident-abc123abc123",
  timestamp: new Date("2030-01-01T00:00:00Z"),
  unsubscribeUrl: "https://status.example.com/unsubscribe?token=abc.unsubscribe.xyz.mac",
};

describe("chat renderers", () => {
  it.each(CHAT_CHANNELS)(
    "%s: a public subscriber's message carries its unsubscribe link, even over every limit",
    (channel) => {
      const body = renderChat(channel, "https://hooks.example.com/x", huge).body;
      expect(body).toContain(huge.unsubscribeUrl);
      expect(body).toContain("Unsubscribe this channel");
      const { unsubscribeUrl: _none, ...stakeholder } = huge;
      expect(renderChat(channel, "https://hooks.example.com/x", stakeholder).body).not.toContain(
        "Unsubscribe",
      );
    },
  );

  it.each(CHAT_CHANNELS)(
    "%s: a message over every limit still passes the platform's checks",
    (channel) => {
      const request = renderChat(channel, "https://hooks.example.com/x?key=k&token=t", huge);
      const problem = checkChatPayload(channel, {
        query: new URL("https://hooks.example.com/x?key=k&token=t").searchParams,
        headers: { "content-type": "application/json" },
        body: request.body,
        json: JSON.parse(request.body),
      });
      expect(problem).toBeNull();
    },
  );

  it("Discord's embed stays within 6,000 characters in total", () => {
    const { embeds } = JSON.parse(renderChat("discord", "https://d.example/x", huge).body) as {
      embeds: {
        title: string;
        description: string;
        footer: { text: string };
        fields: { name: string; value: string }[];
      }[];
    };
    const [e] = embeds;
    const total =
      e!.title.length +
      e!.description.length +
      e!.footer.text.length +
      e!.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
    // Fields that do not fit are dropped rather than starving the update's own text.
    expect(e!.fields.length).toBeGreaterThan(0);
    expect(e!.description.length).toBeGreaterThanOrEqual(1000);
  });

  it("escapes each platform's own markup", () => {
    expect(escapeSlack("a <@U1> & <!channel>")).toBe("a &lt;@U1&gt; &amp; &lt;!channel&gt;");
    expect(escapeDiscord("# not a heading\n- not a list\n**b** [x](y)")).toBe(
      "\\# not a heading\n\\- not a list\n\\*\\*b\\*\\* \\[x\\]\\(y\\)",
    );
    expect(escapeMattermost("@channel *x*")).toBe("@\u2060channel \\*x\\*");
  });

  it("a cut never splits an escape sequence", () => {
    for (let max = 1; max < 30; max++) {
      const cut = fitEscaped("&&&&&&&&&&&&&&&&", max, escapeSlack);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/…$/, "")).toMatch(/^(&amp;)*$/);
    }
  });

  it("Markdown becomes its words: lists, links and code kept, syntax gone", () => {
    expect(
      markdownToPlainText("**Impact:** slow\n\n- one\n- [docs](https://x.example)\n\n`a*b` <b>"),
    ).toBe("Impact: slow\n\n• one\n• docs (https://x.example)\n\na*b <b>");
  });
});

describe("chat answers", () => {
  const answer = (status: number, body = "", retryAfterMs?: number) =>
    interpretChatAnswer({ status, body: Buffer.from(body), retryAfterMs });

  it("2xx is delivered, whatever the platform's success code", () => {
    for (const status of [200, 202, 204]) expect(answer(status)).toBeNull();
  });

  it("a 429 waits as long as asked: Discord's body field, else Retry-After, else a second", () => {
    expect(answer(429, '{"retry_after": 2.25, "global": false}', 3000)).toMatchObject({
      rateLimited: true,
      retryAfterMs: 2250,
    });
    expect(answer(429, "rate_limited", 4000)).toMatchObject({ retryAfterMs: 4000 });
    expect(answer(429, "")).toMatchObject({ retryAfterMs: 1000 });
  });

  it("404 and 410 mean the webhook is gone; 400 will not change on a retry", () => {
    expect(answer(404, '{"message": "Unknown Webhook", "code": 10015}')).toMatchObject({
      gone: true,
      message: "The webhook no longer exists (HTTP 404): Unknown Webhook",
    });
    expect(answer(410, "channel_is_archived")).toMatchObject({ gone: true });
    expect(answer(400, "invalid_blocks")).toMatchObject({ gone: false, permanent: true });
    expect(answer(500, "oops")).toMatchObject({ gone: false, permanent: false });
  });
});
