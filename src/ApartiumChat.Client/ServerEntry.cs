using System.Net;
using ApartiumChat.Transport;

namespace ApartiumChat.Client;

/// <summary>One server of the client's prioritized list: a short id for events and reports ("s0") and its address.</summary>
public sealed record ServerEntry(string Id, EndPoint Address)
{
    public override string ToString() => $"{Id} ({NetworkAddress.Format(Address)})";
}
