import type { ChatChannel } from "../db/schema/enums";

/** A rendered chat message as its reader will see it: what the composer's preview shows. */
export type ChatPreview = {
  title: string;
  body: string;
  fields: { name: string; value: string }[];
  linkLabel: string;
};

// Walks JSON this module's renderers just produced (shapes pinned by their tests), so untyped access is safe here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;
const unHtml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const unBackslash = (s: string) => s.replace(/\\(.)/g, "$1").replace(/\u2060/g, "");

/**
 * Reads a rendered payload back into what the platform displays, undoing only
 * the escaping (which the platform undoes too): cuts made for the platform's
 * limits stay visible, so the preview shows exactly what will arrive.
 */
export function readBack(channel: ChatChannel, body: string): ChatPreview {
  const p = JSON.parse(body) as Obj;
  switch (channel) {
    case "slack": {
      const blocks = p.blocks as Obj[];
      const section = blocks.find((b) => b.type === "section" && b.text) as Obj | undefined;
      const fields = (blocks.find((b) => b.fields)?.fields ?? []) as { text: string }[];
      return {
        title: (blocks[0]!.text as Obj).text as string,
        body: section ? unHtml((section.text as Obj).text as string) : "",
        fields: fields.map((f) => {
          const [name, ...value] = f.text.split("\n");
          return { name: unHtml(name!.replace(/^\*|\*$/g, "")), value: unHtml(value.join("\n")) };
        }),
        linkLabel: "View incident",
      };
    }
    case "teams": {
      const card = ((p.attachments as Obj[])[0]!.content as Obj) ?? {};
      const items = card.body as Obj[];
      const facts = (items.find((i) => i.type === "FactSet")?.facts ?? []) as Obj[];
      const texts = items.filter((i) => i.type === "TextBlock").map((i) => i.text as string);
      return {
        title: unBackslash(texts[1] ?? ""),
        body: unBackslash(texts[2] ?? ""),
        fields: facts.map((f) => ({
          name: unBackslash(f.title as string),
          value: unBackslash(f.value as string),
        })),
        linkLabel: ((card.actions as Obj[])[0]?.title as string) ?? "",
      };
    }
    case "discord": {
      const embed = (p.embeds as Obj[])[0]!;
      return {
        title: unBackslash(embed.title as string),
        body: unBackslash(embed.description as string),
        fields: (embed.fields as Obj[]).map((f) => ({
          name: unBackslash(f.name as string),
          value: unBackslash(f.value as string),
        })),
        linkLabel: "",
      };
    }
    case "google_chat": {
      const card = ((p.cardsV2 as Obj[])[0]!.card as Obj) ?? {};
      const widgets = (card.sections as Obj[])[0]!.widgets as Obj[];
      const paragraph = widgets.find((w) => w.textParagraph)?.textParagraph as Obj | undefined;
      const button = (widgets.find((w) => w.buttonList)?.buttonList as Obj | undefined)?.buttons as
        Obj[] | undefined;
      return {
        title: (card.header as Obj).title as string,
        body: paragraph ? unHtml(paragraph.text as string) : "",
        fields: widgets
          .filter((w) => w.decoratedText)
          .map((w) => w.decoratedText as Obj)
          .map((d) => ({ name: d.topLabel as string, value: unHtml(d.text as string) })),
        linkLabel: (button?.[0]?.text as string) ?? "",
      };
    }
    case "mattermost": {
      const attachment = (p.attachments as Obj[])[0]!;
      return {
        title: attachment.title as string,
        body: unBackslash(attachment.text as string),
        fields: (attachment.fields as Obj[]).map((f) => ({
          name: f.title as string,
          value: unBackslash(f.value as string),
        })),
        linkLabel: "",
      };
    }
  }
}
