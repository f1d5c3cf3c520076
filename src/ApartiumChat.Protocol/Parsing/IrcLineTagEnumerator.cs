namespace ApartiumChat.Protocol;

/// <summary>Walks the tags of a parsed line: <c>foreach (var tag in line.Tags)</c>.</summary>
public ref struct IrcLineTagEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private IrcLineTag _current;
    private bool _done;

    internal IrcLineTagEnumerator(ReadOnlySpan<byte> rawTags)
    {
        _remaining = rawTags;
        _done = rawTags.IsEmpty;
    }

    public readonly IrcLineTag Current => _current;

    public readonly IrcLineTagEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        var semicolon = _remaining.IndexOf((byte)';');
        var tag = semicolon < 0 ? _remaining : _remaining[..semicolon];
        _done = semicolon < 0;
        _remaining = semicolon < 0 ? default : _remaining[(semicolon + 1)..];

        var equals = tag.IndexOf((byte)'=');
        _current = equals < 0 ? new IrcLineTag(tag, default) : new IrcLineTag(tag[..equals], tag[(equals + 1)..]);
        return true;
    }
}
