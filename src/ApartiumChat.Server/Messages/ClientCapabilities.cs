namespace ApartiumChat.Server.Messages;

/// <summary>The IRCv3 capabilities a connection negotiated; they decide how each message is written for it.</summary>
[Flags]
public enum ClientCapabilities
{
    None = 0,
    MessageTags = 1 << 0,
    ServerTime = 1 << 1,
    EchoMessage = 1 << 2,
    LabeledResponse = 1 << 3,
    Batch = 1 << 4,
    ChatHistory = 1 << 5,
    Ha = 1 << 6,
    CapNotify = 1 << 7,
    MultiPrefix = 1 << 8,
}
