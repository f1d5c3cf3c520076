using System.Net;
using System.Text;

namespace ApartiumChat.Reports.Document;

/// <summary>
/// Renders report blocks as one self-contained HTML page: the style sheet is inline and every
/// chart is embedded as a base64 <c>data:</c> URI, so the file opens anywhere on its own.
/// </summary>
public static class HtmlRenderer
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
        h1 { font-size: 1.8rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
        h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
        .table { overflow-x: auto; margin: .8rem 0; }
        table { border-collapse: collapse; font-size: .92rem; }
        th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.held { color: #1a7f37; font-weight: 600; }
        td.failed { color: #cf222e; font-weight: 700; }
        pre { background: #f6f8fa; padding: .8rem; overflow-x: auto; border-radius: 6px; }
        .callout { padding: .8rem 1rem; border-radius: 6px; margin: 1rem 0; border-left: 6px solid; }
        .callout.pass { background: #dafbe1; border-color: #1a7f37; }
        .callout.fail { background: #ffebe9; border-color: #cf222e; }
        .callout.info { background: #ddf4ff; border-color: #0969da; }
        figure { margin: 1.2rem 0; }
        figure img { max-width: 100%; border: 1px solid #d0d7de; }
        figcaption { font-size: .9rem; color: #57606a; }
        """;

    /// <param name="blocks">The report.</param>
    /// <param name="title">The page title.</param>
    /// <param name="readImage">Returns the PNG bytes of a chart file, or null when it is missing.</param>
    public static string Render(IEnumerable<ReportBlock> blocks, string title, Func<string, byte[]?> readImage)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(readImage);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        foreach (var block in blocks)
        {
            Append(html, block, readImage);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Append(StringBuilder html, ReportBlock block, Func<string, byte[]?> readImage)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var level = Math.Clamp(heading.Level, 1, 6);
                html.Append("<h").Append(level).Append('>').Append(Encode(heading.Text)).Append("</h").Append(level).Append(">\n");
                break;
            case ParagraphBlock paragraph:
                html.Append("<p>").Append(Encode(paragraph.Text)).Append("</p>\n");
                break;
            case CalloutBlock callout:
                html.Append("<div class=\"callout ").Append(callout.Tone.ToString().ToLowerInvariant()).Append("\"><strong>")
                    .Append(Encode(callout.Title)).Append("</strong> ").Append(Encode(callout.Text)).Append("</div>\n");
                break;
            case TableBlock table:
                AppendTable(html, table);
                break;
            case ListBlock list:
                html.Append("<ul>\n");
                foreach (var item in list.Items)
                {
                    html.Append("<li>").Append(Encode(item)).Append("</li>\n");
                }

                html.Append("</ul>\n");
                break;
            case CodeBlock code:
                html.Append("<pre><code>").Append(Encode(code.Text.TrimEnd('\n'))).Append("</code></pre>\n");
                break;
            case ImageBlock image:
                AppendImage(html, image, readImage(image.FileName));
                break;
            default:
                throw new ArgumentException($"Unknown report block {block.GetType().Name}", nameof(block));
        }
    }

    private static void AppendTable(StringBuilder html, TableBlock table)
    {
        html.Append("<div class=\"table\"><table>\n<thead><tr>"); // a wide table scrolls on a narrow screen
        foreach (var header in table.Headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var css = cell switch
                {
                    "held" => " class=\"held\"",
                    "FAILED" => " class=\"failed\"",
                    _ => "",
                };
                html.Append("<td").Append(css).Append('>').Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private static void AppendImage(StringBuilder html, ImageBlock image, byte[]? png)
    {
        html.Append("<figure>");
        if (png is { Length: > 0 })
        {
            html.Append("<img alt=\"").Append(Encode(image.AltText)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(png)).Append("\">");
        }
        else
        {
            html.Append("<p>(chart ").Append(Encode(image.FileName)).Append(" is missing)</p>");
        }

        html.Append("<figcaption>").Append(Encode(image.Caption)).Append("</figcaption></figure>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
