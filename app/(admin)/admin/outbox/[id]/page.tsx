import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { getDevMail } from "@/lib/notifications/delivery-status";
import { HeraldError } from "@/lib/errors";
import { orNotFound } from "../../_lib/or-not-found";

/** One message from the development mailbox, rendered as the recipient would see it (sandboxed: no scripts, no forms). */
export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requestCtx();
  const mail = await orNotFound(getDevMail({ ctx, id: (await params).id })).catch(
    (error: unknown) => {
      if (error instanceof HeraldError && error.code === "forbidden") return error;
      throw error;
    },
  );
  if (mail instanceof HeraldError)
    return (
      <p role="alert">
        The development mailbox holds confirmation links and internal mail: editors and owners only.
      </p>
    );
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/outbox" className="text-sm underline">
        ← Outbox
      </Link>
      <h1 className="text-2xl font-semibold">{mail.subject}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">To</dt>
        <dd>{mail.to}</dd>
        {Object.entries(mail.headers).map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <iframe
        title="Email"
        sandbox=""
        srcDoc={mail.html}
        className="h-[70vh] w-full rounded-md border border-zinc-200 bg-white dark:border-zinc-800"
      />
      <details>
        <summary className="cursor-pointer text-sm">Plain-text version</summary>
        <pre className="mt-2 text-sm whitespace-pre-wrap">{mail.text}</pre>
      </details>
    </div>
  );
}
