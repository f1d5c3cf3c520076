namespace ApartiumChat.Cli.Bench;

/// <summary>What a workload wants to hear from its clients' read loops (called on those loops: be quick).</summary>
internal interface ILoadObserver
{
    /// <summary>A PRIVMSG arrived; <paramref name="text"/> is its last parameter.</summary>
    void Received(LoadClient client, ReadOnlySpan<byte> text);

    /// <summary>The client handled everything one read gave it.</summary>
    void ReadDone(LoadClient client);
}
