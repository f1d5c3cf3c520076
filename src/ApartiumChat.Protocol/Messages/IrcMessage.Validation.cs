using System.Collections.Immutable;

namespace ApartiumChat.Protocol;

/// <summary>The checks behind the init accessors: they mirror what the parser accepts.</summary>
public sealed partial record IrcMessage
{
    private static ImmutableArray<IrcTag> CheckTags(ImmutableArray<IrcTag> tags)
    {
        if (tags.IsDefault)
        {
            return [];
        }

        for (var i = 0; i < tags.Length; i++)
        {
            var (key, value) = tags[i];
            if (key is null || !Grammar.IsValidTagKey(key.AsSpan()))
            {
                throw new InvalidIrcMessageException($"Invalid tag key '{key}': expected ['+'][vendor/]name of letters, digits, '-', '.', '/'.");
            }

            if (value is null)
            {
                throw new InvalidIrcMessageException($"Tag '{key}' has a null value; use \"\" for a tag without value.");
            }

            if (value.Contains('\0', StringComparison.Ordinal) || !Grammar.IsValidUtf16(value))
            {
                throw new InvalidIrcMessageException($"Tag '{key}' has a value with a NUL or a lone surrogate.");
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(tags[j].Key, key, StringComparison.Ordinal))
                {
                    throw new InvalidIrcMessageException($"Tag '{key}' appears twice; use WithTag to replace a value.");
                }
            }
        }

        return tags;
    }

    private static string? CheckSource(string? source)
    {
        if (source is null)
        {
            return null;
        }

        if (source.Length == 0 || source.Contains(' ', StringComparison.Ordinal)
            || source.AsSpan().ContainsAny(Grammar.ForbiddenChars) || !Grammar.IsValidUtf16(source))
        {
            throw new InvalidIrcMessageException($"Invalid source '{source}': it must be non-empty, without space, CR, LF or NUL.");
        }

        return source;
    }

    private static string CheckCommand(string command)
    {
        if (command is null || !Grammar.IsValidCommand(command.AsSpan()))
        {
            throw new InvalidIrcMessageException($"Invalid command '{command}': expected letters or a three-digit numeric.");
        }

        return command;
    }

    private static ImmutableArray<string> CheckParams(ImmutableArray<string> parameters)
    {
        if (parameters.IsDefault)
        {
            return [];
        }

        if (parameters.Length > Grammar.MaxParams)
        {
            throw new InvalidIrcMessageException($"{parameters.Length} parameters: a message has at most {Grammar.MaxParams}.");
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i] ?? throw new InvalidIrcMessageException($"Parameter {i} is null.");
            if (parameter.AsSpan().ContainsAny(Grammar.ForbiddenChars) || !Grammar.IsValidUtf16(parameter))
            {
                throw new InvalidIrcMessageException($"Parameter {i} contains a CR, LF, NUL or lone surrogate.");
            }

            if (i < parameters.Length - 1 && !Grammar.IsMiddleParam<char>(parameter))
            {
                throw new InvalidIrcMessageException(
                    $"Parameter {i} ('{parameter}') is empty, contains a space or starts with ':'; only the last parameter may.");
            }
        }

        return parameters;
    }
}
