import { renderMarkdown } from "@/lib/markdown/render-markdown";

/** Tailwind's reset removes list, link and heading styles; rendered Markdown needs them back. */
const MARKDOWN_STYLES =
  "leading-relaxed [&_a]:underline [&_p+p]:mt-2 [&_ul]:my-1.5 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-1.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_h3]:font-semibold [&_h4]:font-semibold [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono dark:[&_code]:bg-zinc-800 [&_pre]:overflow-x-auto";

/** Sanitized Markdown (see lib/markdown): the only place update and RCA bodies become HTML. */
export function MarkdownBody({
  markdown,
  className = "",
  testId,
}: {
  markdown: string;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className={`${MARKDOWN_STYLES} ${className}`}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }}
    />
  );
}
