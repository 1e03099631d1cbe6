import type { PostmortemSections } from "@/lib/db/schema";

/** Browsers cap a keepalive request's body at 64 KB; larger drafts are sent without it. */
const KEEPALIVE_MAX_BYTES = 60_000;

/** One autosave of the whole draft; keepalive so that a save sent while leaving the editor completes. */
export async function saveDraftRequest(
  incidentId: string,
  sections: PostmortemSections,
  expectedUpdatedAt: string,
): Promise<{ ok: boolean; updatedAt?: string; message?: string; retry?: boolean }> {
  const body = JSON.stringify({ incidentId, sections, expectedUpdatedAt });
  try {
    const response = await fetch("/api/console/postmortem-draft", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body,
      keepalive: new Blob([body]).size <= KEEPALIVE_MAX_BYTES,
    });
    const answer = (await response.json()) as {
      updatedAt?: string;
      error?: { message?: string };
    };
    if (response.ok) return { ok: true, updatedAt: answer.updatedAt };
    // A refusal (a co-author's newer save, a bad field) stops autosave; a server error is retried.
    return {
      ok: false,
      message: answer.error?.message ?? "Could not save.",
      retry: response.status >= 500,
    };
  } catch {
    return {
      ok: false,
      message: "Could not reach Herald to save; your text is still here. Retrying…",
      retry: true,
    };
  }
}
