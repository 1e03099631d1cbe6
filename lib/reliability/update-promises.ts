/** One public update as far as its "Next update by" promise is concerned. */
export type PromiseUpdate = { displayAt: Date; nextUpdateBy: Date | null };

export type PromiseOutcome = "kept" | "late" | "pending";

/**
 * Whether each update's "Next update by" promise was kept: it was when the
 * incident's next update (by display time) or its resolution came at or before
 * the promised time. A promise whose time has not come yet and that nothing has
 * answered is `pending` (it may still be kept). Updates without a promise get
 * no entry.
 */
export function promiseOutcomes(
  updates: readonly PromiseUpdate[],
  resolvedAt: Date | null,
  now: Date,
): { update: PromiseUpdate; outcome: PromiseOutcome }[] {
  const sorted = [...updates].sort((a, b) => a.displayAt.getTime() - b.displayAt.getTime());
  return sorted.flatMap((update) => {
    if (!update.nextUpdateBy) return [];
    const due = update.nextUpdateBy.getTime();
    const made = update.displayAt.getTime();
    // Resolution counts as the answer only when it came after this update (a reopened incident's earlier resolution does not).
    const answers = [
      ...sorted.map((u) => u.displayAt.getTime()),
      ...(resolvedAt ? [resolvedAt.getTime()] : []),
    ].filter((t) => t > made);
    const answeredAt = answers.length > 0 ? Math.min(...answers) : null;
    const outcome: PromiseOutcome =
      answeredAt !== null && answeredAt <= due ? "kept" : due > now.getTime() ? "pending" : "late";
    return [{ update, outcome }];
  });
}
