namespace ApartiumChat.Protocol;

/// <summary>
/// One message tag, its value unescaped. A tag without a value has the value "":
/// <c>@a</c> and <c>@a=</c> mean the same (IRCv3 message-tags), and both are written <c>@a</c>.
/// </summary>
public readonly record struct IrcTag(string Key, string Value = "")
{
    /// <summary>Client-only tags start with '+'; a server relays them to those who negotiated message-tags.</summary>
    public bool IsClientOnly => Key.StartsWith('+');

    public override string ToString() => Value.Length == 0 ? Key : $"{Key}={TagValue.Escape(Value)}";
}
