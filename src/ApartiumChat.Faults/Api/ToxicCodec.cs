using System.Text.Json;
using ApartiumChat.Faults.Toxics;

namespace ApartiumChat.Faults.Api;

/// <summary>
/// Toxics to and from Toxiproxy's JSON: <c>{"name","type","stream","toxicity","attributes":{...}}</c>
/// with Toxiproxy's attribute names (<c>latency</c>, <c>jitter</c>, <c>rate</c>, <c>average_size</c>, ...).
/// </summary>
public static class ToxicCodec
{
    /// <summary>Every toxic type the proxy runs, in a fixed order.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        LatencyToxic.TypeName, BandwidthToxic.TypeName, SlowCloseToxic.TypeName, TimeoutToxic.TypeName,
        ResetPeerToxic.TypeName, SlicerToxic.TypeName, LimitDataToxic.TypeName, BlackholeToxic.TypeName,
        RefuseToxic.TypeName,
    ];

    /// <summary>
    /// A new toxic from a request body, checked in Toxiproxy's order: the stream, the type,
    /// then the attributes. Defaults: stream downstream, toxicity 1, name <c>{type}_{stream}</c>.
    /// </summary>
    /// <exception cref="FaultProxyException">The body is not a valid toxic (status 400 in the API).</exception>
    public static Toxic ReadNew(JsonElement body, string path = "")
    {
        JsonFields.RequireObject(body, path.Length == 0 ? "the toxic" : path.TrimEnd('.'));
        var streamText = JsonFields.String(body, "stream", path) ?? "downstream";
        ToxicStream stream;
        if (string.Equals(streamText, "upstream", StringComparison.OrdinalIgnoreCase))
        {
            stream = ToxicStream.Upstream;
        }
        else if (string.Equals(streamText, "downstream", StringComparison.OrdinalIgnoreCase))
        {
            stream = ToxicStream.Downstream;
        }
        else
        {
            throw new FaultProxyException(FaultErrorKind.Invalid, "stream was invalid, can be either upstream or downstream");
        }

        var type = JsonFields.String(body, "type", path) ?? string.Empty;
        var defaults = Default(type) ?? throw new FaultProxyException(FaultErrorKind.Invalid, "invalid toxic type");
        var name = JsonFields.String(body, "name", path);
        var toxicity = JsonFields.Double(body, "toxicity", path) ?? 1.0;
        var attributes = ReadAttributes(body, defaults, path);
        var toxic = new Toxic
        {
            Name = string.IsNullOrEmpty(name) ? Toxic.DefaultName(type, stream) : name,
            Attributes = attributes,
            Stream = stream,
            Toxicity = toxicity,
        };
        ThrowIfInvalid(toxic);
        return toxic;
    }

    /// <summary>
    /// The changes a request body makes to an existing toxic: its attributes (over the current
    /// ones) and its toxicity. Name, type and stream cannot change, as in Toxiproxy.
    /// </summary>
    public static Toxic ReadUpdate(JsonElement body, Toxic current)
    {
        ArgumentNullException.ThrowIfNull(current);
        JsonFields.RequireObject(body, "the toxic");
        var updated = current with
        {
            Attributes = ReadAttributes(body, current.Attributes, string.Empty),
            Toxicity = JsonFields.Double(body, "toxicity", string.Empty) ?? current.Toxicity,
        };
        ThrowIfInvalid(updated);
        return updated;
    }

    public static void Write(Utf8JsonWriter writer, Toxic toxic)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(toxic);
        writer.WriteStartObject();
        writer.WritePropertyName("attributes");
        WriteAttributes(writer, toxic.Attributes);
        writer.WriteString("name", toxic.Name);
        writer.WriteString("type", toxic.Type);
        writer.WriteString("stream", Toxic.StreamName(toxic.Stream));
        writer.WriteNumber("toxicity", toxic.Toxicity);
        writer.WriteEndObject();
    }

    private static ToxicAttributes? Default(string type) => type switch
    {
        LatencyToxic.TypeName => new LatencyToxic(),
        BandwidthToxic.TypeName => new BandwidthToxic(),
        SlowCloseToxic.TypeName => new SlowCloseToxic(),
        TimeoutToxic.TypeName => new TimeoutToxic(),
        ResetPeerToxic.TypeName => new ResetPeerToxic(),
        SlicerToxic.TypeName => new SlicerToxic(),
        LimitDataToxic.TypeName => new LimitDataToxic(),
        BlackholeToxic.TypeName => new BlackholeToxic(),
        RefuseToxic.TypeName => new RefuseToxic(),
        _ => null,
    };

    private static ToxicAttributes ReadAttributes(JsonElement body, ToxicAttributes current, string path)
    {
        if (!JsonFields.TryGet(body, "attributes", out var a))
        {
            return current;
        }

        var at = $"{path}attributes.";
        JsonFields.RequireObject(a, $"{path}attributes");
        return current switch
        {
            LatencyToxic t => t with
            {
                LatencyMs = JsonFields.Long(a, "latency", at) ?? t.LatencyMs,
                JitterMs = JsonFields.Long(a, "jitter", at) ?? t.JitterMs,
            },
            BandwidthToxic t => t with { RateKBps = JsonFields.Long(a, "rate", at) ?? t.RateKBps },
            SlowCloseToxic t => t with { DelayMs = JsonFields.Long(a, "delay", at) ?? t.DelayMs },
            TimeoutToxic t => t with { TimeoutMs = JsonFields.Long(a, "timeout", at) ?? t.TimeoutMs },
            ResetPeerToxic t => t with { TimeoutMs = JsonFields.Long(a, "timeout", at) ?? t.TimeoutMs },
            SlicerToxic t => t with
            {
                AverageSize = Int(a, "average_size", at) ?? t.AverageSize,
                SizeVariation = Int(a, "size_variation", at) ?? t.SizeVariation,
                DelayUs = JsonFields.Long(a, "delay", at) ?? t.DelayUs,
            },
            LimitDataToxic t => t with { Bytes = JsonFields.Long(a, "bytes", at) ?? t.Bytes },
            _ => current,
        };
    }

    private static void WriteAttributes(Utf8JsonWriter writer, ToxicAttributes attributes)
    {
        writer.WriteStartObject();
        switch (attributes)
        {
            case LatencyToxic t:
                writer.WriteNumber("latency", t.LatencyMs);
                writer.WriteNumber("jitter", t.JitterMs);
                break;
            case BandwidthToxic t:
                writer.WriteNumber("rate", t.RateKBps);
                break;
            case SlowCloseToxic t:
                writer.WriteNumber("delay", t.DelayMs);
                break;
            case TimeoutToxic t:
                writer.WriteNumber("timeout", t.TimeoutMs);
                break;
            case ResetPeerToxic t:
                writer.WriteNumber("timeout", t.TimeoutMs);
                break;
            case SlicerToxic t:
                writer.WriteNumber("average_size", t.AverageSize);
                writer.WriteNumber("size_variation", t.SizeVariation);
                writer.WriteNumber("delay", t.DelayUs);
                break;
            case LimitDataToxic t:
                writer.WriteNumber("bytes", t.Bytes);
                break;
        }

        writer.WriteEndObject();
    }

    private static int? Int(JsonElement obj, string name, string path)
    {
        var value = JsonFields.Long(obj, name, path);
        return value switch
        {
            null => null,
            > int.MaxValue or < int.MinValue => throw JsonFields.Bad($"{path}{name} is out of range: {value}"),
            _ => (int)value.Value,
        };
    }

    private static void ThrowIfInvalid(Toxic toxic)
    {
        var problems = toxic.Validate();
        if (problems.Count > 0)
        {
            throw JsonFields.Bad(string.Join("; ", problems));
        }
    }
}
