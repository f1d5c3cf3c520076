namespace ApartiumChat.Protocol;

/// <summary>
/// Batch types the server opens.
/// </summary>
public static class IrcBatchTypes
{
    /// <summary>The messages of a CHATHISTORY answer.</summary>
    public const string ChatHistory = "chathistory";

    /// <summary>Several messages answering one labelled command.</summary>
    public const string LabeledResponse = "labeled-response";
}
