using System.Runtime.CompilerServices;

namespace ApartiumChat.Protocol;

/// <summary>Room for the 15 parameters of a message, inline in <see cref="IrcLine"/> (no array).</summary>
[InlineArray(Grammar.MaxParams)]
internal struct ParamSegments
{
    private LineSegment _first;
}
