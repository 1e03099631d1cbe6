import type { Subscriber } from "../db/schema";
import { isChatChannel } from "../db/schema/enums";
import { redactHookUrl } from "./chat-url";

/**
 * A subscriber as /api/v1 shows it: snake_case, `components` null when it
 * follows everything, a chat webhook's URL shortened (it is a credential).
 */
export function serializeSubscriber(
  s: Omit<Subscriber, "webhookSecret"> & { componentIds: string[] | null },
) {
  return {
    id: s.id,
    type: s.kind,
    state: s.state,
    email: s.email,
    phone: s.phone,
    ...(s.kind === "sms" ? { sms_updates: s.smsAllUpdates ? "all" : "changes" } : {}),
    url: isChatChannel(s.kind) ? redactHookUrl(s.webhookUrl) : s.webhookUrl,
    components: s.componentIds,
    created_at: s.createdAt.toISOString(),
    confirmed_at: s.confirmedAt?.toISOString() ?? null,
    failure_count: s.failureCount,
    disabled_at: s.disabledAt?.toISOString() ?? null,
    disabled_reason: s.disabledReason,
  };
}
