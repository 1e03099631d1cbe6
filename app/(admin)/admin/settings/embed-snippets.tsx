"use client";
import { useState } from "react";
import { SnippetBlock } from "./snippet-block";

const BADGE_STYLES = ["flat", "flat-square", "plastic", "for-the-badge"] as const;
const POSITIONS = ["bottom-right", "bottom-left", "top-right", "top-left"] as const;
const selectClass =
  "rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900";

type Target = { id: string; name: string };

/** Escapes text for a double-quoted HTML attribute in a snippet. */
const attr = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Copy-paste snippets for the badge, the toast script and the iframe card,
 * with previews that load the real endpoints. Snippets use the public base
 * URL; previews use this origin so they work wherever the console is opened.
 */
export function EmbedSnippets({
  baseUrl,
  pageName,
  targets,
}: {
  baseUrl: string;
  pageName: string;
  targets: Target[];
}) {
  const [target, setTarget] = useState("");
  const [style, setStyle] = useState<(typeof BADGE_STYLES)[number]>("flat");
  const [label, setLabel] = useState("");
  const [position, setPosition] = useState<(typeof POSITIONS)[number]>("bottom-right");
  const [color, setColor] = useState("");

  const query = new URLSearchParams({
    ...(style !== "flat" ? { style } : {}),
    ...(label.trim() ? { label: label.trim() } : {}),
  }).toString();
  const badgePath = `${target ? `/components/${target}` : ""}/badge.svg${query ? `?${query}` : ""}`;
  const badgeUrl = `${baseUrl}${badgePath}`;
  const targetName = targets.find((t) => t.id === target)?.name;
  const alt = targetName ? `${targetName} status` : pageName;
  const attrs = [
    `data-position="${position}"`,
    ...(color.trim() ? [`data-color="${attr(color.trim())}"`] : []),
  ].join(" ");

  return (
    <section
      aria-labelledby="embed-heading"
      className="mt-6 flex max-w-3xl flex-col gap-6 border-t border-zinc-200 pt-6 dark:border-zinc-800"
    >
      <div>
        <h2 id="embed-heading" className="text-xl font-semibold">
          Badges and embeds
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Show your status in a README, on your website or inside your product.
        </p>
      </div>

      <div className="flex flex-col gap-3">
        <h3 className="font-medium">Status badge</h3>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Badge for
            <select
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              className={selectClass}
            >
              <option value="">Whole page</option>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Badge style
            <select
              value={style}
              onChange={(e) => setStyle(e.target.value as typeof style)}
              className={selectClass}
            >
              {BADGE_STYLES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Badge label
            <input
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              maxLength={64}
              placeholder="Default"
              className={selectClass}
            />
          </label>
        </div>
        <p className="flex items-center gap-2 text-sm">
          Preview:
          {/* eslint-disable-next-line @next/next/no-img-element -- the badge is served as-is by Herald; next/image adds nothing for an SVG */}
          <img src={badgePath} alt={alt} />
        </p>
        <SnippetBlock label="Markdown (README)" code={`[![${alt}](${badgeUrl})](${baseUrl})`} />
        <SnippetBlock
          label="HTML badge"
          code={`<a href="${baseUrl}"><img src="${attr(badgeUrl)}" alt="${attr(alt)}"></a>`}
        />
        <SnippetBlock
          label="shields.io endpoint"
          code={`https://img.shields.io/endpoint?url=${encodeURIComponent(`${baseUrl}/badge.json${target ? `?component=${target}` : ""}`)}`}
        />
      </div>

      <div className="flex flex-col gap-3">
        <h3 className="font-medium">Status toast for your website</h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A small script that shows a dismissible notice on your site only while there is an
          incident or maintenance under way.
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm font-medium">
            Position
            <select
              value={position}
              onChange={(e) => setPosition(e.target.value as typeof position)}
              className={selectClass}
            >
              {POSITIONS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Accent colour
            <input
              value={color}
              onChange={(e) => setColor(e.target.value)}
              placeholder="Status colour"
              className={selectClass}
            />
          </label>
        </div>
        <SnippetBlock
          label="Script tag"
          code={`<script src="${baseUrl}/embed/script.js" ${attrs} async></script>`}
        />
      </div>

      <div className="flex flex-col gap-3">
        <h3 className="font-medium">Status card (iframe)</h3>
        <iframe
          src="/embed"
          title={`${pageName} (preview)`}
          width={320}
          height={160}
          className="rounded-md border border-zinc-200 dark:border-zinc-800"
        />
        <SnippetBlock
          label="Iframe"
          code={`<iframe src="${baseUrl}/embed" title="${attr(pageName)}" width="320" height="160" style="border:0"></iframe>`}
        />
      </div>
    </section>
  );
}
