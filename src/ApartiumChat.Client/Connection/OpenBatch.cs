using ApartiumChat.Protocol;

namespace ApartiumChat.Client.Connection;

/// <summary>A BATCH the server opened and has not closed yet.</summary>
internal sealed class OpenBatch
{
    public OpenBatch(string type, string? target, string? label)
    {
        Type = type;
        Target = target;
        Label = label;
    }

    /// <summary>chathistory, labeled-response, or another type the client passes through.</summary>
    public string Type { get; }

    /// <summary>The batch's first parameter after its type (the conversation of a chathistory batch).</summary>
    public string? Target { get; }

    /// <summary>The label of the command a labeled-response batch answers.</summary>
    public string? Label { get; }

    /// <summary>The messages of a chathistory batch, in order.</summary>
    public List<IrcMessage> Messages { get; } = [];
}
