import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listMembers } from "@/lib/team/list-members";
import { InviteForm, MemberControls } from "./_components/team-forms";

export const metadata = { title: "Team · Herald" };

export default async function TeamPage() {
  const ctx = await requestCtx();
  const members = await listMembers({ ctx });
  const isOwner = hasRole(ctx.actor, "owner");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Team</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Owners manage settings and the team; editors run incidents, maintenance and components;
        viewers read the console.
      </p>
      {!isOwner && (
        <p className="rounded-md border border-zinc-300 p-3 text-sm dark:border-zinc-700">
          Only owners can change the team.
        </p>
      )}
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-3 py-3">
            <span className="font-medium">{m.email}</span>
            {m.name && <span className="text-sm text-zinc-600 dark:text-zinc-400">{m.name}</span>}
            {isOwner ? (
              <span className="ml-auto">
                <MemberControls id={m.id} email={m.email} role={m.role} />
              </span>
            ) : (
              <span className="ml-auto text-sm">{m.role}</span>
            )}
          </li>
        ))}
      </ul>
      {isOwner && (
        <section
          aria-labelledby="invite-heading"
          className="flex flex-col gap-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 id="invite-heading" className="text-lg font-semibold">
            Add a member
          </h2>
          <p className="text-sm">
            They get a one-time password, shown here once: pass it on securely. It works for one
            sign-in, where they choose their own.
          </p>
          <InviteForm />
        </section>
      )}
    </div>
  );
}
