using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ApartiumChat.Faults.Api;
using ApartiumChat.Faults.Tests.Support;
using ApartiumChat.Transport;
using ApartiumChat.Transport.Tcp;

namespace ApartiumChat.Faults.Tests.Tcp;

/// <summary>The control API over HTTP, as a Toxiproxy client would drive it.</summary>
[Category("Tcp")]
public sealed class ControlApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TcpTransport _transport = new();
    private TcpEcho _echo = null!;
    private ProxyRegistry _registry = null!;
    private ToxiproxyServer _server = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _echo = await TcpEcho.StartAsync(_transport);
        _registry = new ProxyRegistry(_transport, _transport, TimeProvider.System, seed: 1);
        _server = await ToxiproxyServer.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), _registry);
        _http = new HttpClient { BaseAddress = new Uri($"http://{ProxyAddress.Format(_server.EndPoint)}/"), Timeout = Patience };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _registry.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Test]
    public async Task CreateProxy_AddLatency_SeeTheDelay_DeleteIt_SeeItGo()
    {
        var created = await SendAsync(HttpMethod.Post, "proxies", $$"""{"name":"echo","listen":"127.0.0.1:0","upstream":"{{ProxyAddress.Format(_echo.EndPoint)}}"}""");
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Json.GetProperty("enabled").GetBoolean(), Is.True);
        Assert.That(created.Json.GetProperty("toxics").GetArrayLength(), Is.Zero);
        var listen = created.Json.GetProperty("listen").GetString()!;
        Assert.That(listen, Does.StartWith("127.0.0.1:").And.Not.EndWith(":0"), "the real port is reported");
        await using var client = await _transport.ConnectAsync(NetworkAddress.Parse(listen, 0));
        var before = await PingAsync(client);

        var toxic = await SendAsync(HttpMethod.Post, "proxies/echo/toxics", """{"type":"latency","attributes":{"latency":300}}""");
        Assert.That(toxic.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(toxic.Json.GetProperty("name").GetString(), Is.EqualTo("latency_downstream"));
        Assert.That(toxic.Json.GetProperty("stream").GetString(), Is.EqualTo("downstream"));
        Assert.That(toxic.Json.GetProperty("toxicity").GetDouble(), Is.EqualTo(1.0));
        Assert.That(toxic.Json.GetProperty("attributes").GetProperty("jitter").GetInt64(), Is.Zero);
        var during = await PingAsync(client);

        var deleted = await SendAsync(HttpMethod.Delete, "proxies/echo/toxics/latency_downstream");
        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        var after = await PingAsync(client);

        Assert.That(before, Is.LessThan(TimeSpan.FromMilliseconds(250)));
        Assert.That(during, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(295)));
        Assert.That(after, Is.LessThan(TimeSpan.FromMilliseconds(250)));

        Assert.That((await SendAsync(HttpMethod.Delete, "proxies/echo")).Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await SendAsync(HttpMethod.Get, "proxies")).Body, Is.EqualTo("{}"));
    }

    [Test]
    public async Task BadRequests_GetToxiproxysStatusCodes_AndAJsonError()
    {
        var upstream = ProxyAddress.Format(_echo.EndPoint);
        var first = await SendAsync(HttpMethod.Post, "proxies", $$"""{"name":"p","listen":"127.0.0.1:0","upstream":"{{upstream}}"}""");
        var taken = first.Json.GetProperty("listen").GetString();

        await ExpectError(HttpMethod.Post, "proxies", """{"listen":"127.0.0.1:0","upstream":"x:1"}""", 400, "missing required field: name");
        await ExpectError(HttpMethod.Post, "proxies", """{"name":"q","listen":"127.0.0.1:0"}""", 400, "missing required field: upstream");
        await ExpectError(HttpMethod.Post, "proxies", "{not json", 400, "bad request body");
        await ExpectError(HttpMethod.Post, "proxies", "", 400, "bad request body: EOF");
        await ExpectError(HttpMethod.Post, "proxies", $$"""{"name":"p","listen":"127.0.0.1:0","upstream":"{{upstream}}"}""", 409, "proxy already exists");
        await ExpectError(HttpMethod.Post, "proxies", $$"""{"name":"q","listen":"{{taken}}","upstream":"{{upstream}}"}""", 500, "bind: address already in use");
        await ExpectError(HttpMethod.Post, "proxies", $$"""{"name":"q","listen":"nowhere","upstream":"{{upstream}}"}""", 500, "missing port in address");
        await ExpectError(HttpMethod.Post, "proxies", """{"name":"q","listen":"127.0.0.1:0","upstream":"no port"}""", 400, "upstream");
        await ExpectError(HttpMethod.Get, "proxies/none", null, 404, "proxy not found");
        await ExpectError(HttpMethod.Delete, "proxies/none", null, 404, "proxy not found");
        await ExpectError(HttpMethod.Post, "proxies/p/toxics", """{"type":"gremlin"}""", 400, "invalid toxic type");
        await ExpectError(HttpMethod.Post, "proxies/p/toxics", """{"type":"latency","stream":"sideways"}""", 400, "stream was invalid, can be either upstream or downstream");
        await ExpectError(HttpMethod.Post, "proxies/p/toxics", """{"type":"latency","attributes":{"latency":"slow"}}""", 400, "attributes.latency must be a whole number");
        await ExpectError(HttpMethod.Post, "proxies/p/toxics", """{"type":"latency","attributes":{"latency":-5}}""", 400, "latency must be from 0");
        await ExpectError(HttpMethod.Post, "proxies/p/toxics", """{"type":"latency","toxicity":7}""", 400, "toxicity must be from 0 to 1");
        Assert.That((await SendAsync(HttpMethod.Post, "proxies/p/toxics", """{"type":"latency"}""")).Status, Is.EqualTo(HttpStatusCode.OK));
        await ExpectError(HttpMethod.Post, "proxies/p/toxics", """{"type":"latency"}""", 409, "toxic already exists");
        await ExpectError(HttpMethod.Get, "proxies/p/toxics/none", null, 404, "toxic not found");
        await ExpectError(HttpMethod.Delete, "proxies/p/toxics/none", null, 404, "toxic not found");
        await ExpectError(HttpMethod.Post, "populate", """{"name":"not a list"}""", 400, "bad request body");

        // Nothing above hurt the proxy.
        Assert.That((await SendAsync(HttpMethod.Get, "proxies/p")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task UpdateToxic_ChangesAttributesAndToxicity_KeepsTheRest()
    {
        await SendAsync(HttpMethod.Post, "proxies", $$"""{"name":"p","listen":"127.0.0.1:0","upstream":"{{ProxyAddress.Format(_echo.EndPoint)}}"}""");
        await SendAsync(HttpMethod.Post, "proxies/p/toxics", """{"name":"lag","type":"latency","stream":"upstream","attributes":{"latency":100,"jitter":10}}""");

        var updated = await SendAsync(new HttpMethod("PATCH"), "proxies/p/toxics/lag", """{"attributes":{"latency":50},"toxicity":0.5}""");

        Assert.That(updated.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(updated.Body, Is.EqualTo("""{"attributes":{"latency":50,"jitter":10},"name":"lag","type":"latency","stream":"upstream","toxicity":0.5}"""));
    }

    [Test]
    public async Task DisableProxy_RefusesConnections_ResetEnablesItAndClearsToxics()
    {
        var created = await SendAsync(HttpMethod.Post, "proxies", $$"""{"name":"p","listen":"127.0.0.1:0","upstream":"{{ProxyAddress.Format(_echo.EndPoint)}}"}""");
        var listen = NetworkAddress.Parse(created.Json.GetProperty("listen").GetString()!, 0);
        await SendAsync(HttpMethod.Post, "proxies/p/toxics", """{"type":"blackhole"}""");

        var disabled = await SendAsync(HttpMethod.Post, "proxies/p", """{"enabled":false}""");
        Assert.That(disabled.Json.GetProperty("enabled").GetBoolean(), Is.False);
        Assert.That(async () => await _transport.ConnectAsync(listen), Throws.InstanceOf<System.Net.Sockets.SocketException>());

        Assert.That((await SendAsync(HttpMethod.Post, "reset")).Status, Is.EqualTo(HttpStatusCode.NoContent));
        var shown = await SendAsync(HttpMethod.Get, "proxies/p");
        Assert.That(shown.Json.GetProperty("enabled").GetBoolean(), Is.True);
        Assert.That(shown.Json.GetProperty("toxics").GetArrayLength(), Is.Zero);
        await using var client = await _transport.ConnectAsync(listen);
        await PingAsync(client);
    }

    [Test]
    public async Task Populate_CreatesAndKeepsProxies_VersionAndBrowsersAnswerLikeToxiproxy()
    {
        var upstream = ProxyAddress.Format(_echo.EndPoint);
        var body = $$"""[{"name":"a","listen":"127.0.0.1:0","upstream":"{{upstream}}"},{"name":"b","listen":"127.0.0.1:0","upstream":"{{upstream}}","enabled":false}]""";

        var populated = await SendAsync(HttpMethod.Post, "populate", body);
        Assert.That(populated.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(populated.Json.GetProperty("proxies").GetArrayLength(), Is.EqualTo(2));
        await SendAsync(HttpMethod.Post, "proxies/a/toxics", """{"type":"latency"}""");

        var again = await SendAsync(HttpMethod.Post, "populate", body);
        Assert.That(again.Json.GetProperty("proxies")[0].GetProperty("toxics").GetArrayLength(), Is.EqualTo(1), "same addresses: kept as it was");

        var version = await SendAsync(HttpMethod.Get, "version");
        Assert.That(version.Body, Is.EqualTo("{\"version\": \"2.12.0\"}\n"));

        using var browser = new HttpRequestMessage(HttpMethod.Get, "proxies");
        browser.Headers.UserAgent.ParseAdd("Mozilla/5.0");
        using var refused = await _http.SendAsync(browser);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task ExpectError(HttpMethod method, string path, string? body, int status, string message)
    {
        var reply = await SendAsync(method, path, body);
        Assert.That((int)reply.Status, Is.EqualTo(status), $"{method} {path} {body}: {reply.Body}");
        Assert.That(reply.Json.GetProperty("error").GetString(), Does.Contain(message), $"{method} {path} {body}");
        Assert.That(reply.Json.GetProperty("status").GetInt32(), Is.EqualTo(status));
    }

    private async Task<Reply> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && (text[0] == '{' || text[0] == '[') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new Reply(response.StatusCode, text, json);
    }

    private static async Task<TimeSpan> PingAsync(IConnection client)
    {
        var started = Stopwatch.GetTimestamp();
        await client.SendAsync("ping");
        await client.ReceiveAsync(4).WaitAsync(Patience);
        return Stopwatch.GetElapsedTime(started);
    }

    private sealed record Reply(HttpStatusCode Status, string Body, JsonElement Json);
}
