using System.Collections.Immutable;

namespace ApartiumChat.Protocol;

/// <summary>
/// An IRC message: tags, an optional source, a command and up to 15 parameters. Immutable,
/// and valid by construction (every init accessor checks its part), so any instance can
/// be written. Compared by value, tag order included.
/// <code>
///   var m = new IrcMessage("PRIVMSG", "#lobby", "hello world") { Source = "ann!ann@host" }
///       .WithTag("label", "m1");
///   m.ToString() == "@label=m1 :ann!ann@host PRIVMSG #lobby :hello world"
/// </code>
/// For strings use this type; the server's hot path reads <see cref="IrcLine"/> and writes
/// with <see cref="IrcMessageBuilder"/>.
/// </summary>
public sealed partial record IrcMessage
{
    private readonly ImmutableArray<IrcTag> _tags = [];
    private readonly string? _source;
    private readonly string _command;
    private readonly ImmutableArray<string> _params = [];

    public IrcMessage(string command, params ReadOnlySpan<string> parameters)
    {
        _command = CheckCommand(command);
        _params = CheckParams(ImmutableArray.Create(parameters));
    }

    public IrcMessage(string command, IEnumerable<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _command = CheckCommand(command);
        _params = CheckParams([.. parameters]);
    }

    /// <summary>For the parser, whose output already follows the grammar.</summary>
    private IrcMessage(ImmutableArray<IrcTag> tags, string? source, string command, ImmutableArray<string> parameters)
    {
        _tags = tags;
        _source = source;
        _command = command;
        _params = parameters;
    }

    /// <summary>The tags in order, keys unique, values unescaped ("" for a tag without value).</summary>
    public ImmutableArray<IrcTag> Tags
    {
        get => _tags;
        init => _tags = CheckTags(value);
    }

    /// <summary>The source (prefix) without its ':', e.g. <c>nick!user@host</c> or a server name; null if none.</summary>
    public string? Source
    {
        get => _source;
        init => _source = CheckSource(value);
    }

    /// <summary>The command as it was given: letters (any case) or a three-digit numeric.</summary>
    public string Command
    {
        get => _command;
        init => _command = CheckCommand(value);
    }

    /// <summary>The parameters, the trailing one included without its ':'.</summary>
    public ImmutableArray<string> Params
    {
        get => _params;
        init => _params = CheckParams(value);
    }

    internal static IrcMessage FromParsedParts(
        ImmutableArray<IrcTag> tags, string? source, string command, ImmutableArray<string> parameters)
        => new(tags, source, command, parameters);

    public bool Equals(IrcMessage? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && string.Equals(_command, other._command, StringComparison.Ordinal)
            && string.Equals(_source, other._source, StringComparison.Ordinal)
            && _tags.AsSpan().SequenceEqual(other._tags.AsSpan())
            && _params.AsSpan().SequenceEqual(other._params.AsSpan());
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_command, StringComparer.Ordinal);
        hash.Add(_source, StringComparer.Ordinal);
        foreach (var tag in _tags)
        {
            hash.Add(tag);
        }

        foreach (var parameter in _params)
        {
            hash.Add(parameter, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
