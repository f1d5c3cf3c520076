namespace ApartiumChat.Reports.Charts;

/// <summary>A rendered chart: its file name in the report folder, PNG bytes, and what it shows.</summary>
public sealed record ChartFile(string FileName, string Title, string Caption, byte[] Png);
