using System.Text.Json;

namespace ApartiumChat.Faults.Api;

/// <summary>
/// The file of proxies to create at start: Toxiproxy's config format (a JSON array of
/// <c>{"name","listen","upstream","enabled"}</c>), where each entry may also list <c>toxics</c>
/// in the API's toxic format.
/// </summary>
public static class ProxyConfigFile
{
    /// <summary>Reads and checks the file; every error names the file and where in it.</summary>
    /// <exception cref="FaultProxyException">The file cannot be read, is not JSON, or describes an invalid proxy.</exception>
    public static IReadOnlyList<ProxyDefinition> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new FaultProxyException(FaultErrorKind.Invalid, $"{path}: cannot read the file: {e.Message}", e);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $"line {l + 1}: " : string.Empty;
            throw new FaultProxyException(FaultErrorKind.Invalid, $"{path}: {line}not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            try
            {
                var definitions = ProxyCodec.ReadList(document.RootElement);
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < definitions.Count; i++)
                {
                    var definition = definitions[i];
                    if (string.IsNullOrEmpty(definition.Name))
                    {
                        throw JsonFields.Missing($"name at proxy {i + 1}");
                    }

                    if (string.IsNullOrEmpty(definition.Upstream))
                    {
                        throw JsonFields.Missing($"upstream at proxy {i + 1}");
                    }

                    if (!names.Add(definition.Name))
                    {
                        throw JsonFields.Bad($"duplicate proxy name \"{definition.Name}\"");
                    }
                }

                return definitions;
            }
            catch (FaultProxyException e)
            {
                var message = e.Message.StartsWith(JsonFields.BadBody + ": ", StringComparison.Ordinal)
                    ? e.Message[(JsonFields.BadBody.Length + 2)..]
                    : e.Message;
                throw new FaultProxyException(e.Kind, $"{path}: {message}", e);
            }
        }
    }
}
