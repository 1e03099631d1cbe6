import { renderMarkdown } from "@/lib/markdown/render-markdown";

/** Rendered Markdown with list, link and heading styles restored (Tailwind's reset removes them). */
const MARKDOWN_STYLES =
  "[&_a]:underline [&_p]:my-1.5 [&_ul]:my-1.5 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-1.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_h3]:font-semibold [&_h4]:font-semibold [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_code]:font-mono [&_pre]:overflow-x-auto";

export function MarkdownBody({ markdown, className = "", testId }: { markdown: string; className?: string; testId?: string }) {
  return <div data-testid={testId} className={`${MARKDOWN_STYLES} ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
