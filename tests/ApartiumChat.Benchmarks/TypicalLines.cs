namespace ApartiumChat.Benchmarks;

/// <summary>What the server relays most: a PRIVMSG with msgid, time and label tags.</summary>
internal static class TypicalLines
{
    public const string Privmsg =
        "@time=2026-12-03T10:00:02.500Z;msgid=7c0f6k2v9q1m8c4r7t3w5y8z2b;label=m17 :bob!bob@host.example PRIVMSG #lobby :hello there, how is everyone doing today?";
}
