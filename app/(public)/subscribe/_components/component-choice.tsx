export type ChoosableComponent = { id: string; name: string; group: string | null };

/**
 * "Everything" or a ticked list. Plain inputs, so it works without JavaScript;
 * picking "Only these" with nothing ticked is refused by the server with a message.
 */
export function ComponentChoice({
  components,
  allComponents,
  chosen,
  error,
}: {
  components: ChoosableComponent[];
  allComponents: boolean;
  chosen: string[];
  error?: string;
}) {
  const groups = [...new Set(components.map((c) => c.group))];
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={error ? "components-error" : undefined}
    >
      <legend className="mb-1 text-sm font-medium">What do you want to hear about?</legend>
      <label className="flex items-center gap-2">
        <input type="radio" name="scope" value="all" defaultChecked={allComponents} /> Every
        component, including ones added later
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="scope" value="some" defaultChecked={!allComponents} /> Only the
        components I tick:
      </label>
      <div className="ml-6 flex flex-col gap-3">
        {groups.map((group) => (
          <div key={group ?? "-"} className="flex flex-col gap-1">
            {group && (
              <p className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{group}</p>
            )}
            {components
              .filter((c) => c.group === group)
              .map((c) => (
                <label key={c.id} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="componentIds"
                    value={c.id}
                    defaultChecked={chosen.includes(c.id)}
                  />{" "}
                  {c.name}
                </label>
              ))}
          </div>
        ))}
      </div>
      {error && (
        <p id="components-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
