namespace ApartiumChat.Protocol;

/// <summary>
/// What a server's host name may be: dot-separated labels of letters, digits and '-', each
/// 1 to 63 long and neither starting nor ending with '-', at least two labels (a single
/// trailing dot counts, as in <c>services.</c>), 255 characters at most.
/// </summary>
public static class Hostname
{
    public const int MaxLength = 255;

    private const int MaxLabelLength = 63;

    public static bool IsValid(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > MaxLength || !host.Contains('.'))
        {
            return false;
        }

        if (host[^1] == '.')
        {
            host = host[..^1]; // the root label
        }

        foreach (var range in host.Split('.'))
        {
            if (!IsValidLabel(host[range]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
