using System.Collections.Immutable;
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
        var parameters = ImmutableArray.CreateBuilder<string>(_paramCount);
        for (var i = 0; i < _paramCount; i++)
        {
            parameters.Add(Encoding.UTF8.GetString(_params[i].Of(_line)));
        }

        return IrcMessage.FromParsedParts(
            ReadTags(),
            _hasSource ? Encoding.UTF8.GetString(Source) : null,
            Encoding.UTF8.GetString(Command),
            parameters.MoveToImmutable());
    }

    private readonly ImmutableArray<IrcTag> ReadTags()
    {
        if (!_hasTags)
        {
            return [];
        }

        var tags = ImmutableArray.CreateBuilder<IrcTag>();
        Dictionary<string, int>? indexByKey = null; // only for lines with many tags
        foreach (var tag in Tags)
        {
            var key = Encoding.UTF8.GetString(tag.Key);
            var value = TagValue.UnescapeToString(tag.RawValue);
            var existing = IndexOf(tags, indexByKey, key);
            if (existing >= 0)
            {
                tags[existing] = new IrcTag(key, value);
                continue;
            }

            tags.Add(new IrcTag(key, value));
            if (indexByKey is null && tags.Count > 8)
            {
                indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < tags.Count; i++)
                {
                    indexByKey[tags[i].Key] = i;
                }
            }
            else
            {
                indexByKey?.Add(key, tags.Count - 1);
            }
        }

        return tags.DrainToImmutable();
    }

    private static int IndexOf(ImmutableArray<IrcTag>.Builder tags, Dictionary<string, int>? indexByKey, string key)
    {
        if (indexByKey is not null)
        {
            return indexByKey.TryGetValue(key, out var index) ? index : -1;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (string.Equals(tags[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
