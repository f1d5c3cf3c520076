using ApartiumChat.Protocol;

namespace ApartiumChat.Client.Connection;

/// <summary>What a registration achieved.</summary>
internal sealed class HandshakeResult
{
    public bool Resumed { get; set; }

    /// <summary>Why the server refused the resume token, if it did.</summary>
    public string? ResumeRefusal { get; set; }

    public string? Nick { get; set; }

    /// <summary>The new resume token (HA TOKEN), if the server gave one.</summary>
    public string? Token { get; set; }

    public string? ServerName { get; set; }

    /// <summary>Our own <c>nick!user@host</c> as the server shows it, once seen.</summary>
    public string? OwnSource { get; set; }

    /// <summary>Channels the session is in, in the order they were joined or resumed.</summary>
    public List<JoinedChannel> Channels { get; } = [];

    public List<(string Channel, string Detail)> JoinFailures { get; } = [];

    /// <summary>Messages of normal operation that arrived during the handshake, in order.</summary>
    public List<IrcMessage> Deferred { get; } = [];
}
