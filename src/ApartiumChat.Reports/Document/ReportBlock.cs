namespace ApartiumChat.Reports.Document;

/// <summary>
/// One block of a report. The report is built once as blocks and rendered twice, to Markdown
/// and to HTML, so that both files say the same thing.
/// </summary>
public abstract record ReportBlock;

/// <summary>A heading; level 1 is the title.</summary>
public sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of plain text.</summary>
public sealed record ParagraphBlock(string Text) : ReportBlock;

/// <summary>A highlighted line: the verdict, or the mark of a simulated run.</summary>
public sealed record CalloutBlock(CalloutTone Tone, string Title, string Text) : ReportBlock;

/// <summary>A table with a header row.</summary>
public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>A list of short items.</summary>
public sealed record ListBlock(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>Literal text such as a command line.</summary>
public sealed record CodeBlock(string Text) : ReportBlock;

/// <summary>A chart written beside the report (a PNG file name relative to the report folder).</summary>
public sealed record ImageBlock(string FileName, string AltText, string Caption) : ReportBlock;
