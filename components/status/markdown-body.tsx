import { renderMarkdown } from "@/lib/markdown/render-markdown";

/** Sanitized Markdown (see lib/markdown): the only place public bodies become HTML. */
export function MarkdownBody({ markdown }: { markdown: string }) {
  return (
    <div
      className="prose-status text-[0.95rem] leading-relaxed [&_a]:underline [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 dark:[&_code]:bg-zinc-800 [&_li]:ml-5 [&_ol]:list-decimal [&_p+p]:mt-2 [&_ul]:list-disc"
      dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }}
    />
  );
}
