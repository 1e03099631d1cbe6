import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listStakeholders } from "@/lib/stakeholders/stakeholders";
import { removeStakeholderAction } from "../subscribers/actions";
import { AddStakeholderForm, RowButton } from "../subscribers/_components/forms";

export default async function StakeholdersPage() {
  const ctx = await requestCtx();
  const people = await listStakeholders({ ctx });
  const canEdit = hasRole(ctx.actor, "editor");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Internal stakeholders</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          A private list (executives, support, sales). Each incident update reaches them with the
          public text plus its internal note, business impact and ETA. Never shown publicly.
        </p>
      </div>
      <ul className="flex flex-col gap-2">
        {people.map((p) => (
          <li
            key={p.id}
            className="flex items-center justify-between gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <span>
              <span className="font-medium">{p.name}</span> · {p.email}
              {p.title && ` · ${p.title}`}
            </span>
            {canEdit && (
              <RowButton
                action={removeStakeholderAction}
                id={p.id}
                label="Remove"
                variant="danger"
              />
            )}
          </li>
        ))}
      </ul>
      {people.length === 0 && (
        <p>Nobody yet. Add the people who need the internal version of each update.</p>
      )}
      {canEdit && <AddStakeholderForm />}
    </div>
  );
}
