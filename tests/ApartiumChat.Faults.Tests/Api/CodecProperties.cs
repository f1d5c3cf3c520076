using System.Text;
using ApartiumChat.Faults.Api;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace ApartiumChat.Faults.Tests.Api;

/// <summary>Nothing in a request can crash the proxy: any body is a toxic, a proxy, or a clear bad request.</summary>
public sealed class CodecProperties
{
    private static readonly string[] Keys = ["name", "type", "stream", "toxicity", "attributes", "listen", "upstream", "enabled", "toxics", "latency", "jitter", "rate", "delay", "timeout", "bytes", "average_size", "size_variation", "Type"];
    private static readonly string[] Scalars = ["null", "true", "false", "0", "-1", "1.5", "1e308", "9223372036854775807", "99999999999999999999", "\"\"", "\"latency\"", "\"upstream\"", "\"downstream\"", "\"slicer\"", "\"limit_data\"", "\"127.0.0.1:0\"", "\"x\"", "[]", "{}"];

    [Property(MaxTest = 500)]
    public Property AnyBody_IsParsedOrRefusedAsABadRequest_NeverAnotherException() =>
        Prop.ForAll(Arb.From(Json(3)), body =>
        {
            foreach (var read in new Action<System.Text.Json.JsonElement>[]
            {
                e => ToxicCodec.ReadNew(e),
                e => ProxyCodec.Read(e),
                e => ProxyCodec.ReadList(e),
            })
            {
                try
                {
                    using var document = JsonFields.Parse(Encoding.UTF8.GetBytes(body));
                    read(document.RootElement);
                }
                catch (FaultProxyException e) when (e.Kind != FaultErrorKind.ListenFailed || e.Message.StartsWith("listen tcp", StringComparison.Ordinal))
                {
                    // a clear bad request
                }
            }
        });

    private static Gen<string> Json(int depth) =>
        depth == 0
            ? Gen.Elements(Scalars)
            : Gen.OneOf(
                Gen.Elements(Scalars),
                Gen.ListOf(Gen.Elements(Keys).Zip(Json(depth - 1))).Select(fields =>
                    "{" + string.Join(",", fields.Take(6).Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}"),
                Gen.ListOf(Json(depth - 1)).Select(items => "[" + string.Join(",", items.Take(4)) + "]"),
                Gen.Elements("{", "[{\"name\":", "{\"type\":\"latency\",}", "\u0000", string.Empty));
}
