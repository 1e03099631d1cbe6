"use client";
import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SubscriptionState } from "../actions";

type Props = {
  action: (prev: SubscriptionState, form: FormData) => Promise<SubscriptionState>;
  token: string;
  label: string;
  pendingLabel: string;
  /** What the page asks before the click ("One more step…"); gone once done. */
  intro?: ReactNode;
};

/**
 * A one-button form carrying a link's token. Links in emails only show this
 * page; the change happens on the POST, so mail scanners that open every link
 * do not confirm or unsubscribe anyone.
 */
export function TokenAction({ action, token, label, pendingLabel, intro }: Props) {
  const [state, formAction] = useActionState(action, { ok: false });
  if (state.ok) {
    return (
      <div role="status" className="flex flex-col gap-2 rounded-md border border-green-700 p-4">
        <p className="font-medium text-green-900 dark:text-green-300">{state.message}</p>
        {state.manageToken && (
          <Link
            href={`/subscribe/manage?token=${encodeURIComponent(state.manageToken)}`}
            className="underline"
          >
            Choose which components you hear about
          </Link>
        )}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {intro}
      <input type="hidden" name="token" value={token} />
      <FormMessage ok={false} message={state.message} />
      <div>
        <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
      </div>
    </form>
  );
}
