using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>Reading parts of a message, and copies with one part changed.</summary>
public sealed partial record IrcMessage
{
    /// <summary>The parameter at <paramref name="index"/>, or null when there are fewer.</summary>
    public string? Param(int index) => (uint)index < (uint)_params.Length ? _params[index] : null;

    /// <summary>The last parameter (usually the text), or null when there is none.</summary>
    public string? LastParam => _params.IsEmpty ? null : _params[^1];

    /// <summary>True when the command is <paramref name="command"/>, ignoring ASCII case.</summary>
    public bool IsCommand(string command) => Ascii.EqualsIgnoreCase(_command, command);

    /// <summary>The value of the tag <paramref name="key"/> ("" for a tag without value).</summary>
    public bool TryGetTag(string key, [NotNullWhen(true)] out string? value)
    {
        foreach (var tag in _tags)
        {
            if (string.Equals(tag.Key, key, StringComparison.Ordinal))
            {
                value = tag.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The value of the tag <paramref name="key"/>, or null when the message has no such tag.</summary>
    public string? GetTag(string key) => TryGetTag(key, out var value) ? value : null;

    public bool HasTag(string key) => TryGetTag(key, out _);

    /// <summary>A copy with the tag set: its value replaced in place if present, else appended.</summary>
    public IrcMessage WithTag(string key, string value = "")
    {
        var index = IndexOfTag(key);
        var tag = new IrcTag(key, value);
        return this with { Tags = index < 0 ? _tags.Add(tag) : _tags.SetItem(index, tag) };
    }

    /// <summary>A copy without the tag (the same instance when it has none).</summary>
    public IrcMessage WithoutTag(string key)
    {
        var index = IndexOfTag(key);
        return index < 0 ? this : this with { Tags = _tags.RemoveAt(index) };
    }

    /// <summary>A copy with these tags and no others.</summary>
    public IrcMessage WithTags(params ReadOnlySpan<IrcTag> tags) => this with { Tags = [.. tags] };

    public IrcMessage WithSource(string? source) => this with { Source = source };

    public IrcMessage WithParams(params ReadOnlySpan<string> parameters) => this with { Params = [.. parameters] };

    private int IndexOfTag(string key)
    {
        for (var i = 0; i < _tags.Length; i++)
        {
            if (string.Equals(_tags[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
