namespace ApartiumChat.Protocol;

/// <summary>Source, command and parameters.</summary>
public ref partial struct IrcMessageBuilder
{
    /// <summary>Writes the source (without its ':'), e.g. <c>nick!user@host</c> or a server name.</summary>
    public void Source(scoped ReadOnlySpan<byte> source)
    {
        CheckText(source, new MessagePart("The source"));
        CheckSource(source);
        StartSource();
        Append(source);
    }

    /// <summary>Writes the source (without its ':').</summary>
    public void Source(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        StartSource();
        var written = AppendUtf8(source, new MessagePart("The source"));
        var bytes = _buffer.Slice(_length - written, written);
        CheckText(bytes, new MessagePart("The source"));
        CheckSource(bytes);
    }

    /// <summary>Writes the source <c>nick!user@host</c>.</summary>
    public void Source(string nick, string user, string host)
    {
        ArgumentNullException.ThrowIfNull(nick);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(host);
        StartSource();
        var start = _length;
        AppendUtf8(nick, new MessagePart("The nick"));
        Append((byte)'!');
        AppendUtf8(user, new MessagePart("The user"));
        Append((byte)'@');
        AppendUtf8(host, new MessagePart("The host"));
        var bytes = _buffer[start.._length];
        CheckText(bytes, new MessagePart("The source"));
        CheckSource(bytes);
    }

    /// <summary>Writes the command: letters, or three digits.</summary>
    public void Command(scoped ReadOnlySpan<byte> command)
    {
        StartCommand(Grammar.IsValidCommand(command));
        Append(command);
    }

    /// <summary>Writes the command: letters, or three digits.</summary>
    public void Command(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        StartCommand(Grammar.IsValidCommand(command.AsSpan()));
        var destination = Reserve(command.Length);
        for (var i = 0; i < command.Length; i++)
        {
            destination[i] = (byte)command[i]; // a valid command is ASCII
        }

        _length += command.Length;
    }

    /// <summary>Writes a numeric reply code (0 to 999) as the command, on three digits.</summary>
    public void Numeric(int code)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(code);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 999);
        StartCommand(valid: true);
        var destination = Reserve(3);
        destination[0] = (byte)('0' + (code / 100));
        destination[1] = (byte)('0' + (code / 10 % 10));
        destination[2] = (byte)('0' + (code % 10));
        _length += 3;
    }

    /// <summary>
    /// Adds a parameter. One that is empty, holds a space or starts with ':' is written as
    /// the trailing parameter and must be the last.
    /// </summary>
    public void Param(scoped ReadOnlySpan<byte> value)
    {
        StartParam();
        CheckText(value, MessagePart.Parameter(_paramCount));
        var trailing = !Grammar.IsMiddleParam(value);
        var destination = Reserve(1 + (trailing ? 1 : 0) + value.Length);
        destination[0] = (byte)' ';
        if (trailing)
        {
            destination[1] = (byte)':';
        }

        value.CopyTo(destination[(trailing ? 2 : 1)..]);
        EndParam(destination.Length, trailing);
    }

    /// <summary>Adds a parameter (see <see cref="Param(ReadOnlySpan{byte})"/>).</summary>
    public void Param(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StartParam();
        var start = _length;
        Append((byte)' ');
        var written = AppendUtf8(value, MessagePart.Parameter(_paramCount));
        var bytes = _buffer.Slice(start + 1, written);
        CheckText(bytes, MessagePart.Parameter(_paramCount));
        var trailing = !Grammar.IsMiddleParam(bytes);
        _length = start;
        if (trailing)
        {
            Reserve(2 + written); // room and limits for the ':'
            bytes.CopyTo(_buffer[(start + 2)..]);
            _buffer[start + 1] = (byte)':';
        }

        EndParam((trailing ? 2 : 1) + written, trailing);
    }

    /// <summary>Adds a number as a parameter.</summary>
    public void Param(long value)
    {
        StartParam();
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        var destination = Reserve(1 + written);
        destination[0] = (byte)' ';
        digits[..written].CopyTo(destination[1..]);
        EndParam(1 + written, trailing: false);
    }

    private void StartSource()
    {
        Expect(Stage.Tags, "the source");
        LeaveTags();
        _stage = Stage.Source;
        Append((byte)':');
    }

    private static void CheckSource(ReadOnlySpan<byte> source)
    {
        if (source.IsEmpty || source.Contains((byte)' '))
        {
            throw new InvalidIrcMessageException("The source must be non-empty and hold no space.");
        }
    }

    private void StartCommand(bool valid)
    {
        Expect(Stage.Source, "the command");
        if (!valid)
        {
            throw new InvalidIrcMessageException("Invalid command: expected letters or a three-digit numeric.");
        }

        if (_stage == Stage.Source)
        {
            Append((byte)' ');
        }
        else
        {
            LeaveTags();
        }

        _stage = Stage.Command;
    }

    private readonly void StartParam()
    {
        if (_stage != Stage.Command)
        {
            throw new InvalidOperationException(_stage == Stage.Complete
                ? "Cannot add a parameter: the message is already complete."
                : "Cannot add a parameter before the command.");
        }

        if (_trailingWritten)
        {
            throw new InvalidIrcMessageException(
                "A parameter follows one that is empty, holds a space or starts with ':'; only the last parameter may be like that.");
        }

        if (_paramCount == Grammar.MaxParams)
        {
            throw new InvalidIrcMessageException($"A message has at most {Grammar.MaxParams} parameters.");
        }
    }

    private void EndParam(int length, bool trailing)
    {
        _length += length;
        _paramCount++;
        _trailingWritten = trailing;
    }
}
