import { eq } from "drizzle-orm";
import { incidents, postmortems, type OutboxRow } from "../../db/schema";
import { formatDay } from "../../time/format";
import RcaReminderEmail from "../../../emails/rca-reminder";
import type { RcaReminderEvent } from "../event-types";
import { parsePayload } from "../payload";
import { directMail, type Delivery } from "./delivery";
import type { RenderContext } from "./render-context";

/**
 * payload: { incidentId, stage, rcaDueOn } — see lib/worker/enqueue-rca-reminders.
 * Checked again at delivery: an RCA published, or a promise moved, since the
 * row was queued makes the reminder pointless.
 */
export async function renderRcaReminder(ctx: RenderContext, row: OutboxRow): Promise<Delivery> {
  const [found] = await ctx.db
    .select({
      title: incidents.title,
      rcaDueOn: incidents.rcaDueOn,
      publishedRevision: postmortems.publishedRevision,
    })
    .from(incidents)
    .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
    .where(eq(incidents.id, row.subjectId));
  if (!found || (found.publishedRevision ?? 0) > 0)
    return {
      kind: "skip",
      reason:
        "The postmortem was published (or the incident deleted) before the reminder went out.",
    };
  const payload = parsePayload<RcaReminderEvent>(row);
  if (!found.rcaDueOn || found.rcaDueOn !== payload.rcaDueOn)
    return { kind: "skip", reason: "The promised RCA date changed before the reminder went out." };
  const stage = payload.stage;
  const dueOn = formatDay(found.rcaDueOn);
  return directMail(
    ctx,
    row,
    `${stage === "overdue" ? "RCA overdue" : `RCA due ${dueOn}`}: ${found.title}`,
    RcaReminderEmail,
    {
      brand: ctx.brand,
      stage,
      incidentTitle: found.title,
      dueOn,
      workspaceUrl: `${ctx.baseUrl}/admin/postmortems/${row.subjectId}`,
    },
  );
}
