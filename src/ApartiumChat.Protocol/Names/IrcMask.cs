namespace ApartiumChat.Protocol;

/// <summary>
/// Wildcard masks as in bans (<c>*!*@127.0.0.1</c>): '*' matches any run of characters
/// (none included), '?' exactly one; every other character matches itself under the
/// server's case mapping.
/// </summary>
public static class IrcMask
{
    public static bool IsMatch(ReadOnlySpan<char> mask, ReadOnlySpan<char> text, IrcCaseMapping caseMapping)
    {
        ArgumentNullException.ThrowIfNull(caseMapping);

        // Greedy with one backtrack point: on a mismatch, let the last '*' swallow one more
        // character. Linear in practice, O(mask x text) at worst; no recursion.
        int m = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (m < mask.Length && mask[m] == '*')
            {
                star = m++;
                resume = t;
            }
            else if (m < mask.Length && (mask[m] == '?' || caseMapping.Fold(mask[m]) == caseMapping.Fold(text[t])))
            {
                m++;
                t++;
            }
            else if (star >= 0)
            {
                m = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (m < mask.Length && mask[m] == '*')
        {
            m++;
        }

        return m == mask.Length;
    }
}
