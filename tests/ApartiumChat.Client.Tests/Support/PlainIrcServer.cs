using System.Net;
using System.Text;
using ApartiumChat.Protocol;
using ApartiumChat.Transport;

namespace ApartiumChat.Client.Tests.Support;

/// <summary>
/// A bare RFC 1459 server for tests: NICK, USER, JOIN, PART, PRIVMSG, PING, QUIT. No CAP (421),
/// no tags, no history, no resume: what an HA client meets on an old network. Each instance
/// is its own network. Runs on whatever loop starts it.
/// </summary>
public sealed class PlainIrcServer
{
    private readonly IConnectionListenerFactory _network;
    private readonly EndPoint _address;
    private readonly string _name;
    private readonly List<Client> _clients = [];
    private IConnectionListener? _listener;
    private Task _accepting = Task.CompletedTask;

    public PlainIrcServer(IConnectionListenerFactory network, EndPoint address, string name)
    {
        _network = network;
        _address = address;
        _name = name;
    }

    public async Task StartAsync()
    {
        _listener = await _network.BindAsync(_address);
        _accepting = AcceptAsync(_listener);
    }

    /// <summary>Dies abruptly: stops listening and resets every connection.</summary>
    public async Task CrashAsync()
    {
        if (_listener is { } listener)
        {
            await listener.UnbindAsync();
            _listener = null;
        }

        foreach (var client in _clients.ToList())
        {
            client.Connection.Abort();
        }

        _clients.Clear();
        await _accepting;
    }

    private async Task AcceptAsync(IConnectionListener listener)
    {
        while (await listener.AcceptAsync() is { } connection)
        {
            var client = new Client(connection);
            _clients.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Client client)
    {
        var input = client.Connection.Transport.Input;
        var lines = new IrcLineReader();
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                while (lines.TryReadMessage(ref buffer, out var message, out _))
                {
                    if (message is not null)
                    {
                        await HandleAsync(client, message);
                    }
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // Reset.
        }
        catch (InvalidOperationException)
        {
            // Reset.
        }

        Leave(client, "Connection closed");
    }

    private async Task HandleAsync(Client client, IrcMessage message)
    {
        switch (message.Command.ToUpperInvariant())
        {
            case "PING":
                await SendAsync(client, $":{_name} PONG {_name} :{message.Param(0)}");
                break;
            case "NICK" when _clients.Any(c => c != client && string.Equals(c.Nick, message.Param(0), StringComparison.OrdinalIgnoreCase)):
                await SendAsync(client, $":{_name} 433 * {message.Param(0)} :Nickname is already in use");
                break;
            case "NICK":
                client.Nick = message.Param(0);
                await TryWelcomeAsync(client);
                break;
            case "USER":
                client.User = message.Param(0);
                await TryWelcomeAsync(client);
                break;
            case "JOIN" when client.Registered:
                var channel = message.Param(0)!;
                client.Channels.Add(channel);
                foreach (var member in Members(channel))
                {
                    await SendAsync(member, $":{client.Mask} JOIN {channel}");
                }

                await SendAsync(client, $":{_name} 353 {client.Nick} = {channel} :{string.Join(' ', Members(channel).Select(m => m.Nick))}");
                await SendAsync(client, $":{_name} 366 {client.Nick} {channel} :End of /NAMES list.");
                break;
            case "PRIVMSG" or "NOTICE" when client.Registered:
                var target = message.Param(0)!;
                var recipients = target.StartsWith('#') ? Members(target).Where(m => m != client) : _clients.Where(c => c.Nick == target);
                foreach (var recipient in recipients.ToList())
                {
                    await SendAsync(recipient, $":{client.Mask} {message.Command} {target} :{message.Param(1)}");
                }

                break;
            case "QUIT":
                Leave(client, message.Param(0) ?? "Quit");
                client.Connection.Abort();
                break;
            default:
                await SendAsync(client, $":{_name} 421 {client.Nick ?? "*"} {message.Command} :Unknown command");
                break;
        }
    }

    private async Task TryWelcomeAsync(Client client)
    {
        if (client.Registered || client.Nick is null || client.User is null)
        {
            return;
        }

        client.Registered = true;
        await SendAsync(client, $":{_name} 001 {client.Nick} :Welcome to a plain network, {client.Nick}");
        await SendAsync(client, $":{_name} 422 {client.Nick} :MOTD File is missing");
    }

    private IEnumerable<Client> Members(string channel) =>
        _clients.Where(c => c.Channels.Contains(channel, StringComparer.OrdinalIgnoreCase)).ToList();

    private void Leave(Client client, string reason)
    {
        if (!_clients.Remove(client))
        {
            return;
        }

        foreach (var peer in _clients.Where(c => c.Channels.Intersect(client.Channels).Any()).ToList())
        {
            _ = SendAsync(peer, $":{client.Mask} QUIT :{reason}");
        }
    }

    private static async Task SendAsync(Client client, string line)
    {
        try
        {
            await client.Connection.Transport.Output.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // Gone.
        }
    }

    private sealed class Client(IConnection connection)
    {
        public IConnection Connection { get; } = connection;

        public string? Nick { get; set; }

        public string? User { get; set; }

        public bool Registered { get; set; }

        public HashSet<string> Channels { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string Mask => $"{Nick}!{User}@plain";
    }
}
