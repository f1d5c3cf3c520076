namespace ApartiumChat.Reports.Results;

/// <summary>
/// A bound or an actual value of an expectation: a number (a count or milliseconds), a text
/// (a server id), or nothing (a timing with no sample).
/// </summary>
public readonly record struct FigureValue(double? Number, string? Text)
{
    public static FigureValue None => default;

    public static FigureValue Of(double number) => new(number, null);

    public static FigureValue Of(string text) => new(null, text);

    public bool IsNone => Number is null && Text is null;

    public override string ToString() =>
        Number is { } n ? ReportFormat.Number(n) : Text ?? "none";
}
