"use server";
import { revalidatePath } from "next/cache";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { updatePageSettings } from "@/lib/settings/update-page-settings";

export async function saveSettings(_prev: ActionState, form: FormData): Promise<ActionState> {
  const labels = form.getAll("supportLabel").map(String);
  const urls = form.getAll("supportUrl").map(String);
  const input = {
    ...Object.fromEntries(
      [
        "name",
        "url",
        "timeZone",
        "logoUrl",
        "brandColor",
        "cadenceSev1",
        "cadenceSev2",
        "cadenceSev3",
        "cadenceSev4",
        "pastIncidentDays",
        "maintenanceReminderHours",
        "expectedUpdatedAt",
      ].map((k) => [k, String(form.get(k) ?? "")]),
    ),
    supportLinks: labels
      .map((label, i) => ({ label, url: urls[i] ?? "" }))
      .filter((l) => l.label || l.url),
  };
  try {
    await updatePageSettings({ ctx: await requestCtx(), input });
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/", "layout");
  return { ok: true, message: "Settings saved." };
}
