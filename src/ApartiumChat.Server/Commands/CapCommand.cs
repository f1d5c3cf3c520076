using ApartiumChat.Protocol;
using ApartiumChat.Server.Messages;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>CAP LS [302] | LIST | REQ :caps | END (IRCv3 capability negotiation).</summary>
internal sealed class CapCommand : CommandHandler
{
    public override string Name => IrcCommands.Cap;

    public override int MinimumParameters => 1;

    public override bool AllowedBeforeRegistration => true;

    public override void Handle(ClientConnection client, IrcMessage message)
    {
        switch (message.Params[0].ToUpperInvariant())
        {
            case "LS":
                client.BeginCapNegotiation();
                client.SendFromServer(Name, client.Target, "LS", client.Server.Features.CapabilityList);
                break;
            case "LIST":
                client.SendFromServer(Name, client.Target, "LIST", string.Join(' ', ServerFeatures.Names(client.Capabilities)));
                break;
            case "REQ":
                client.BeginCapNegotiation();
                Request(client, message.Param(1) ?? string.Empty);
                break;
            case "END":
                client.EndCapNegotiation();
                break;
            default:
                client.Reply("410", message.Params[0], "Invalid CAP command");
                break;
        }
    }

    // All or nothing: one unknown capability NAKs the whole request.
    private void Request(ClientConnection client, string requested)
    {
        var enable = ClientCapabilities.None;
        var disable = ClientCapabilities.None;
        foreach (var name in requested.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var removing = name.StartsWith('-');
            if (ServerFeatures.Find(removing ? name[1..] : name) is not { } flag)
            {
                client.SendFromServer(Name, client.Target, "NAK", requested);
                return;
            }

            if (removing)
            {
                disable |= flag;
            }
            else
            {
                enable |= flag;
            }
        }

        client.EnableCapabilities(enable, disable);
        client.SendFromServer(Name, client.Target, "ACK", requested);
    }
}
