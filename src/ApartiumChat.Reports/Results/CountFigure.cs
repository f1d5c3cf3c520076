namespace ApartiumChat.Reports.Results;

/// <summary>One count figure (for example <c>lost</c>) and its value.</summary>
public sealed record CountFigure(string Name, long Value);
