using System.Globalization;

namespace ApartiumChat.Faults.Journal;

/// <summary>
/// What a decision is keyed by: the fault (a toxic's name), the client (whose link it is) and
/// the connection number on that link (1, 2, ... in accept order; 0 when the decision is per
/// link rather than per connection).
/// </summary>
public readonly record struct InjectionKey(string Fault, string Client, long Connection)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Fault}/{Client}/#{Connection}");
}
