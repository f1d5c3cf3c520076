using System.Text.Json;

namespace ApartiumChat.Faults.Api;

/// <summary>Proxies to and from Toxiproxy's JSON: <c>{"name","listen","upstream","enabled","toxics":[...]}</c>.</summary>
public static class ProxyCodec
{
    /// <summary>A proxy definition from a <c>POST /proxies</c> body, a <c>/populate</c> item or a config entry.</summary>
    /// <param name="element">The JSON object.</param>
    /// <param name="path">Prefix for error messages, e.g. <c>[2].</c>.</param>
    public static ProxyDefinition Read(JsonElement element, string path = "")
    {
        JsonFields.RequireObject(element, path.Length == 0 ? "the proxy" : path.TrimEnd('.'));
        var toxics = new List<Toxics.Toxic>();
        if (JsonFields.TryGet(element, "toxics", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw JsonFields.Bad($"{path}toxics must be an array");
            }

            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                toxics.Add(ToxicCodec.ReadNew(item, $"{path}toxics[{i++}]."));
            }
        }

        return new ProxyDefinition(
            JsonFields.String(element, "name", path) ?? string.Empty,
            JsonFields.String(element, "listen", path) ?? string.Empty,
            JsonFields.String(element, "upstream", path) ?? string.Empty,
            JsonFields.Bool(element, "enabled", path) ?? true,
            toxics);
    }

    /// <summary>A list of definitions (a <c>/populate</c> body or a config file).</summary>
    public static IReadOnlyList<ProxyDefinition> ReadList(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw JsonFields.Bad("expected a JSON array of proxies");
        }

        var result = new List<ProxyDefinition>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            result.Add(Read(item, $"[{i++}]."));
        }

        return result;
    }

    public static void Write(Utf8JsonWriter writer, FaultProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(proxy);
        writer.WriteStartObject();
        writer.WriteString("name", proxy.Name);
        writer.WriteString("listen", ProxyAddress.Format(proxy.Listen));
        writer.WriteString("upstream", ProxyAddress.Format(proxy.Upstream));
        writer.WriteBoolean("enabled", proxy.Enabled);
        writer.WritePropertyName("toxics");
        WriteToxics(writer, proxy);
        writer.WriteEndObject();
    }

    public static void WriteToxics(Utf8JsonWriter writer, FaultProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(proxy);
        writer.WriteStartArray();
        foreach (var toxic in proxy.Toxics)
        {
            ToxicCodec.Write(writer, toxic);
        }

        writer.WriteEndArray();
    }
}
