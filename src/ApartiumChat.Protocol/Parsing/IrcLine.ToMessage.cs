using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace ApartiumChat.Protocol;

/// <summary>From views to strings.</summary>
public ref partial struct IrcLine
{
    /// <summary>
    /// The line as an <see cref="IrcMessage"/> (allocates its strings). A repeated tag key
    /// keeps the place of its first occurrence and the value of its last.
    /// </summary>
    public readonly IrcMessage ToMessage()
    {
        var parameters = _paramCount == 0 ? [] : new string[_paramCount];
        for (var i = 0; i < _paramCount; i++)
        {
            parameters[i] = Encoding.UTF8.GetString(_params[i].Of(_line));
        }

        return IrcMessage.FromParsedParts(
            ReadTags(),
            _hasSource ? Encoding.UTF8.GetString(Source) : null,
            KnownNames.Get(Command),
            ImmutableCollectionsMarshal.AsImmutableArray(parameters));
    }

    private readonly ImmutableArray<IrcTag> ReadTags()
    {
        if (!_hasTags)
        {
            return [];
        }

        var count = 0;
        foreach (var _ in Tags)
        {
            count++;
        }

        var tags = new IrcTag[count];
        Dictionary<string, int>? indexByKey = count > 8 ? new(StringComparer.Ordinal) : null;
        var unique = 0;
        foreach (var tag in Tags)
        {
            var key = KnownNames.Get(tag.Key);
            var value = TagValue.UnescapeToString(tag.RawValue);
            var existing = IndexOf(tags.AsSpan(0, unique), indexByKey, key);
            if (existing >= 0)
            {
                tags[existing] = new IrcTag(key, value);
                continue;
            }

            indexByKey?.Add(key, unique);
            tags[unique++] = new IrcTag(key, value);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(unique == count ? tags : tags[..unique]);
    }

    private static int IndexOf(ReadOnlySpan<IrcTag> tags, Dictionary<string, int>? indexByKey, string key)
    {
        if (indexByKey is not null)
        {
            return indexByKey.TryGetValue(key, out var index) ? index : -1;
        }

        for (var i = 0; i < tags.Length; i++)
        {
            if (string.Equals(tags[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
