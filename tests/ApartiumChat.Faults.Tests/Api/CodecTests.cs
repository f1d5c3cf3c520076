using System.Text.Json;
using ApartiumChat.Faults.Api;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Tests.Api;

public sealed class CodecTests
{
    [Test]
    public void NewToxic_TakesToxiproxysDefaults()
    {
        var toxic = Read("""{"type":"latency"}""");

        Assert.That(toxic.Name, Is.EqualTo("latency_downstream"));
        Assert.That(toxic.Stream, Is.EqualTo(ToxicStream.Downstream));
        Assert.That(toxic.Toxicity, Is.EqualTo(1.0));
        Assert.That(toxic.Attributes, Is.EqualTo(new LatencyToxic()));
    }

    [TestCase("""{"type":"latency","attributes":{"latency":10,"jitter":2}}""", """{"latency":10,"jitter":2}""")]
    [TestCase("""{"type":"bandwidth","attributes":{"rate":100}}""", """{"rate":100}""")]
    [TestCase("""{"type":"slow_close","attributes":{"delay":5}}""", """{"delay":5}""")]
    [TestCase("""{"type":"timeout","attributes":{"timeout":7}}""", """{"timeout":7}""")]
    [TestCase("""{"type":"reset_peer","attributes":{"timeout":9}}""", """{"timeout":9}""")]
    [TestCase("""{"type":"slicer","attributes":{"average_size":8,"size_variation":3,"delay":100}}""", """{"average_size":8,"size_variation":3,"delay":100}""")]
    [TestCase("""{"type":"limit_data","attributes":{"bytes":64}}""", """{"bytes":64}""")]
    [TestCase("""{"type":"blackhole"}""", "{}")]
    [TestCase("""{"type":"refuse"}""", "{}")]
    public void EveryType_RoundTrips_WithToxiproxysAttributeNames(string request, string attributes)
    {
        var json = Write(Read(request));

        Assert.That(JsonDocument.Parse(json).RootElement.GetProperty("attributes").GetRawText(), Is.EqualTo(attributes));
    }

    [Test]
    public void FieldNames_MatchCaseInsensitively_UnknownFieldsAreIgnored_NullKeepsTheDefault()
    {
        var toxic = Read("""{"Type":"latency","STREAM":"upstream","toxicity":null,"color":"red","Attributes":{"Latency":5}}""");

        Assert.That(toxic.Stream, Is.EqualTo(ToxicStream.Upstream));
        Assert.That(toxic.Toxicity, Is.EqualTo(1.0));
        Assert.That(((LatencyToxic)toxic.Attributes).LatencyMs, Is.EqualTo(5));
    }

    [Test]
    public void Update_MergesAttributes_AndCannotChangeNameTypeOrStream()
    {
        var current = Read("""{"name":"lag","type":"latency","stream":"upstream","attributes":{"latency":100,"jitter":10}}""");
        using var body = JsonDocument.Parse("""{"name":"other","type":"bandwidth","stream":"downstream","attributes":{"jitter":20}}""");

        var updated = ToxicCodec.ReadUpdate(body.RootElement, current);

        Assert.That(updated, Is.EqualTo(current with { Attributes = new LatencyToxic { LatencyMs = 100, JitterMs = 20 } }));
    }

    [TestCase("""{"type":"latency","attributes":{"latency":1.5}}""", "whole number")]
    [TestCase("""{"type":"latency","attributes":[]}""", "JSON object")]
    [TestCase("""{"type":"latency","toxicity":"high"}""", "must be a number")]
    [TestCase("""{"type":"slicer","attributes":{"average_size":0}}""", "average_size")]
    [TestCase("""{"type":"latency","attributes":{"latency":99999999999999}}""", "latency must be from 0")]
    [TestCase("""[]""", "JSON object")]
    public void BadValues_AreBadRequests_NeverCrashes(string request, string message)
    {
        var error = Assert.Throws<FaultProxyException>(() => Read(request));

        Assert.That(error!.Kind, Is.EqualTo(FaultErrorKind.Invalid));
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public void ConfigFile_WithToxics_Loads()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            // proxies for the lab
            [
              { "name": "s0", "listen": "127.0.0.1:0", "upstream": "127.0.0.1:6667",
                "toxics": [ { "type": "latency", "stream": "upstream", "attributes": { "latency": 20 } } ] },
              { "name": "s1", "upstream": "localhost:6668", "enabled": false },
            ]
            """);
        try
        {
            var definitions = ProxyConfigFile.Load(path);

            Assert.That(definitions.Select(d => d.Name), Is.EqualTo(new[] { "s0", "s1" }));
            Assert.That(definitions[0].Toxics.Single().Name, Is.EqualTo("latency_upstream"));
            Assert.That(definitions[1].Enabled, Is.False);
            Assert.That(definitions[1].Listen, Is.Empty, "the registry fills in 127.0.0.1:0");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("""[{"name":"a","upstream":"x:1"},{"name":"a","upstream":"x:2"}]""", "duplicate proxy name \"a\"")]
    [TestCase("""[{"name":"a"}]""", "missing required field: upstream at proxy 1")]
    [TestCase("""[{"name":"a","upstream":"x:1","toxics":[{"type":"latency","attributes":{"jitter":"x"}}]}]""", "[0].toxics[0].attributes.jitter must be a whole number")]
    [TestCase("""{"name":"a"}""", "expected a JSON array")]
    [TestCase("[\n{\"name\": }", "line 2")]
    public void ConfigFile_Errors_NameTheFileAndThePlace(string content, string message)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, content);
        try
        {
            var error = Assert.Throws<FaultProxyException>(() => ProxyConfigFile.Load(path));

            Assert.That(error!.Message, Does.StartWith(path).And.Contain(message));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("127.0.0.1:8474", "127.0.0.1:8474")]
    [TestCase(":8474", "[::]:8474")]
    [TestCase("[::1]:26379", "[::1]:26379")]
    [TestCase("localhost:6379", "localhost:6379")]
    public void Addresses_ParseLikeGo(string text, string formatted)
    {
        Assert.That(ProxyAddress.TryParse(text, out var endPoint, out _), Is.True);
        Assert.That(ProxyAddress.Format(endPoint!), Is.EqualTo(formatted));
    }

    [TestCase("localhost")]
    [TestCase("::1")]
    [TestCase("")]
    [TestCase("host:port")]
    public void Addresses_WithoutAPort_AreRefused(string text) =>
        Assert.That(ProxyAddress.TryParse(text, out _, out _), Is.False);

    private static Toxic Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ToxicCodec.ReadNew(document.RootElement);
    }

    private static string Write(Toxic toxic)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ToxicCodec.Write(writer, toxic);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
