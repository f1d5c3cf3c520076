namespace ApartiumChat.Reports.Document;

/// <summary>How a callout is coloured in HTML.</summary>
public enum CalloutTone
{
    Pass,
    Fail,
    Info,
}
