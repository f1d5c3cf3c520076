using System.Text.Json;

namespace ApartiumChat.Faults.Api;

/// <summary>
/// Reads request fields the way Toxiproxy's Go decoder does: names match case-insensitively,
/// unknown fields are ignored, <c>null</c> leaves the default, and a value of the wrong type is
/// a bad request (never a crash).
/// </summary>
internal static class JsonFields
{
    public const string BadBody = "bad request body";

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        var found = false;
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value; // the last one wins, as in Go
                found = true;
            }
        }

        return found;
    }

    public static string? String(JsonElement obj, string name, string path) =>
        !TryGet(obj, name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Bad($"{path}{name} must be a string, not {Describe(value)}");

    public static bool? Bool(JsonElement obj, string name, string path) =>
        !TryGet(obj, name, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Bad($"{path}{name} must be true or false, not {Describe(value)}"),
        };

    public static long? Long(JsonElement obj, string name, string path)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        throw Bad($"{path}{name} must be a whole number, not {Describe(value)}");
    }

    public static double? Double(JsonElement obj, string name, string path)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        throw Bad($"{path}{name} must be a number, not {Describe(value)}");
    }

    public static JsonElement RequireObject(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Bad($"{what} must be a JSON object, not {Describe(element)}");

    public static FaultProxyException Bad(string detail) => new(FaultErrorKind.Invalid, $"{BadBody}: {detail}");

    public static FaultProxyException Missing(string field) => new(FaultErrorKind.Invalid, $"missing required field: {field}");

    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw Bad("EOF");
        }

        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw Bad(e.Message);
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
