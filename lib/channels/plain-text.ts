import { marked, type Token, type Tokens } from "marked";

/**
 * An update body (Markdown) as plain text, for chat platforms that each have
 * their own markup: the words, list bullets and link targets survive, the
 * Markdown syntax does not. Raw HTML stays as the text it is (the public page
 * shows it escaped, not as markup). Each renderer then escapes the result for
 * itself, so nothing an editor types is read as the platform's markup.
 */
export function markdownToPlainText(markdown: string): string {
  return blocks(marked.lexer(markdown))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function blocks(tokens: Token[]): string {
  return tokens
    .map(block)
    .filter((s) => s !== "")
    .join("\n\n");
}

function block(token: Token): string {
  switch (token.type) {
    case "paragraph":
    case "heading":
      return inline((token as Tokens.Paragraph).tokens);
    case "text":
      return (token as Tokens.Text).tokens
        ? inline((token as Tokens.Text).tokens)
        : (token as Tokens.Text).text;
    case "list":
      return (token as Tokens.List).items
        .map((item, i) => {
          const bullet = (token as Tokens.List).ordered ? `${i + 1}.` : "•";
          return `${bullet} ${blocks(item.tokens).replace(/\n+/g, " ")}`;
        })
        .join("\n");
    case "code":
      return (token as Tokens.Code).text;
    case "blockquote":
      return blocks((token as Tokens.Blockquote).tokens);
    case "table": {
      const t = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens)).join(" | ");
      return [row(t.header), ...t.rows.map(row)].join("\n");
    }
    case "html":
      return (token as Tokens.HTML).text;
    case "hr":
      return "—";
    default:
      return "";
  }
}

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(inlineToken).join("");
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case "strong":
    case "em":
    case "del":
      return inline((token as Tokens.Strong).tokens);
    case "link": {
      const link = token as Tokens.Link;
      const text = inline(link.tokens);
      return text === link.href ? text : `${text} (${link.href})`;
    }
    case "image":
      return (token as Tokens.Image).text;
    case "codespan":
      return (token as Tokens.Codespan).text;
    case "escape":
      return (token as Tokens.Escape).text;
    case "br":
      return "\n";
    case "html":
      return (token as Tokens.HTML).text;
    case "text":
      return (token as Tokens.Text).tokens
        ? inline((token as Tokens.Text).tokens)
        : (token as Tokens.Text).text;
    default:
      return "raw" in token ? String(token.raw) : "";
  }
}
