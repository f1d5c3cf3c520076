namespace ApartiumChat.Reports.Results;

/// <summary>Whether every expectation held (and no trial broke).</summary>
public enum RunVerdict
{
    Pass,
    Fail,
}
