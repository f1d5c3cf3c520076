using System.Text;

namespace ApartiumChat.Reports.Document;

/// <summary>Renders report blocks as GitHub-flavoured Markdown; charts are linked by file name.</summary>
public static class MarkdownRenderer
{
    public static string Render(IEnumerable<ReportBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var md = new StringBuilder();
        foreach (var block in blocks)
        {
            Append(md, block);
            md.Append('\n');
        }

        return md.ToString();
    }

    private static void Append(StringBuilder md, ReportBlock block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                md.Append('#', Math.Clamp(heading.Level, 1, 6)).Append(' ').Append(Escape(heading.Text)).Append('\n');
                break;
            case ParagraphBlock paragraph:
                md.Append(Escape(paragraph.Text)).Append('\n');
                break;
            case CalloutBlock callout:
                md.Append("> **").Append(Escape(callout.Title)).Append("** ").Append(Escape(callout.Text)).Append('\n');
                break;
            case TableBlock table:
                AppendTable(md, table);
                break;
            case ListBlock list:
                foreach (var item in list.Items)
                {
                    md.Append("- ").Append(Escape(item)).Append('\n');
                }

                break;
            case CodeBlock code:
                md.Append("```\n").Append(code.Text.TrimEnd('\n')).Append("\n```\n");
                break;
            case ImageBlock image:
                md.Append("![").Append(Escape(image.AltText)).Append("](").Append(image.FileName).Append(")\n\n")
                  .Append('*').Append(Escape(image.Caption)).Append("*\n");
                break;
            default:
                throw new ArgumentException($"Unknown report block {block.GetType().Name}", nameof(block));
        }
    }

    private static void AppendTable(StringBuilder md, TableBlock table)
    {
        md.Append("| ").AppendJoin(" | ", table.Headers.Select(Cell)).Append(" |\n");
        md.Append('|').AppendJoin('|', table.Headers.Select(_ => "---")).Append("|\n");
        foreach (var row in table.Rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }
    }

    private static string Cell(string text) => Escape(text).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>
    /// Escapes what Markdown would otherwise read as markup: emphasis, code, links, table pipes,
    /// headings, and '&lt;' where it could open an HTML tag ("&lt;=" stays as it is).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var opensTag = c == '<' && (char.IsAsciiLetter(next) || next is '/' or '!' or '?');
            var quotes = c == '>' && i == 0;
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '|' or '#' || opensTag || quotes)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
