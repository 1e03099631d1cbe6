import type {
  PostmortemSections,
  actionItemStatus,
  postmortemActionItems,
  postmortemRevisions,
  postmortems,
} from "../schema";
import { newId } from "../../ids";
import { addMinutes, formatStamp } from "./time";

export type PostmortemSpec = {
  publishedAt: Date;
  sections: Omit<PostmortemSections, "timeline">;
  /** Minutes after the incident started, and what happened then. */
  timeline: [number, string][];
  actionItems: {
    title: string;
    owner: string;
    dueOn: string;
    status: (typeof actionItemStatus.enumValues)[number];
  }[];
};

export type BuiltPostmortem = {
  postmortem: typeof postmortems.$inferInsert & { id: string };
  revision: typeof postmortemRevisions.$inferInsert;
  actionItems: (typeof postmortemActionItems.$inferInsert)[];
};

/** The timeline section as a Markdown list, times in the page's zone. */
function renderTimeline(startedAt: Date, entries: [number, string][], timeZone: string): string {
  return entries
    .map(
      ([after, text]) => `- **${formatStamp(addMinutes(startedAt, after), timeZone)}** — ${text}`,
    )
    .join("\n");
}

/** A postmortem published once: the draft and revision 1 hold the same sections. */
export function buildPublishedPostmortem(
  spec: PostmortemSpec,
  incident: { id: string; startedAt: Date },
  timeZone: string,
): BuiltPostmortem {
  const sections: PostmortemSections = {
    ...spec.sections,
    timeline: renderTimeline(incident.startedAt, spec.timeline, timeZone),
  };
  const postmortemId = newId();
  return {
    postmortem: {
      id: postmortemId,
      incidentId: incident.id,
      state: "published",
      sections,
      publishedRevision: 1,
      firstPublishedAt: spec.publishedAt,
      lastPublishedAt: spec.publishedAt,
      createdAt: spec.publishedAt,
      updatedAt: spec.publishedAt,
    },
    revision: { postmortemId, revision: 1, sections, publishedAt: spec.publishedAt },
    actionItems: spec.actionItems.map((item, position) => ({
      postmortemId,
      ...item,
      position,
      createdAt: spec.publishedAt,
      updatedAt: spec.publishedAt,
    })),
  };
}
