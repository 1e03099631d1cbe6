import { safeString } from "../validation/safe-string";
import { outboundUrlProblem } from "../http/outbound/address-policy";

/**
 * A chat platform's incoming-webhook URL, checked with the same rule the
 * outbound client applies when it sends, so a URL saved is a URL tried.
 */
export const hookUrlSchema = safeString({ error: "Paste the webhook URL." })
  .trim()
  .min(1, "Paste the webhook URL.")
  .max(2000, "That URL is too long.")
  .superRefine((v, check) => {
    const problem = outboundUrlProblem(v);
    if (problem) check.addIssue({ code: "custom", message: problem });
  });

/**
 * A chat webhook URL is a credential (whoever has it can post to the channel):
 * lists show where it points and its last characters, never the whole of it.
 */
export function redactHookUrl(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return url;
  const { origin } = new URL(url);
  return `${origin}/…${url.slice(-4)}`;
}
