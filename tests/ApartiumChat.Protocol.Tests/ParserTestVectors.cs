using System.Text.Json;

namespace ApartiumChat.Protocol.Tests;

/// <summary>Every case of the shared ircdocs/parser-tests vectors (testdata/irc-parser-tests).</summary>
public sealed class ParserTestVectors
{
    public static IEnumerable<TestCaseData> MsgSplit() => Cases("msg-split", c => (string)c.GetProperty("input").GetString()!);

    public static IEnumerable<TestCaseData> MsgJoin() => Cases("msg-join", c => c.GetProperty("desc").GetString()!);

    public static IEnumerable<TestCaseData> UserhostSplit() => Cases("userhost-split", c => c.GetProperty("source").GetString()!);

    public static IEnumerable<TestCaseData> ValidateHostname() => Cases("validate-hostname", c => c.GetProperty("host").GetString()!);

    public static IEnumerable<TestCaseData> MaskMatch() => Cases("mask-match", c => c.GetProperty("mask").GetString()!);

    [TestCaseSource(nameof(MsgSplit))]
    public void MsgSplit_ParsesToTheAtoms(JsonElement testCase)
    {
        var input = testCase.GetProperty("input").GetString()!;
        var expected = Atoms.From(testCase.GetProperty("atoms"));

        var message = IrcMessage.Parse(input);

        Assert.That(Atoms.Of(message), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(MsgSplit))]
    public void MsgSplit_ZeroCopyViewAgreesWithTheMessage(JsonElement testCase)
    {
        var input = testCase.GetProperty("input").GetString()!;
        var expected = Atoms.From(testCase.GetProperty("atoms"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(input);

        Assert.That(IrcLine.TryParse(bytes, out var line, out var error), Is.True, error.Describe());
        Assert.That(Atoms.Of(line), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(MsgJoin))]
    public void MsgJoin_WritesOneOfTheMatches(JsonElement testCase)
    {
        var atoms = Atoms.From(testCase.GetProperty("atoms"));
        var matches = testCase.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!).ToList();

        var message = atoms.ToMessage();

        Assert.That(matches, Does.Contain(message.ToString()));
        Assert.That(matches, Does.Contain(WrittenByTheBuilder(atoms)));
    }

    [TestCaseSource(nameof(UserhostSplit))]
    public void UserhostSplit_GivesTheParts(JsonElement testCase)
    {
        var atoms = testCase.GetProperty("atoms");

        var source = IrcSource.Parse(testCase.GetProperty("source").GetString()!);

        Assert.That(source.Nick, Is.EqualTo(Optional(atoms, "nick")));
        Assert.That(source.User, Is.EqualTo(Optional(atoms, "user")));
        Assert.That(source.Host, Is.EqualTo(Optional(atoms, "host")));
        Assert.That(IrcSource.NickOf(testCase.GetProperty("source").GetString()).ToString(), Is.EqualTo(source.Nick));
    }

    [TestCaseSource(nameof(ValidateHostname))]
    public void ValidateHostname_Agrees(JsonElement testCase)
    {
        var host = testCase.GetProperty("host").GetString()!;

        Assert.That(Hostname.IsValid(host), Is.EqualTo(testCase.GetProperty("valid").GetBoolean()));
    }

    [TestCaseSource(nameof(MaskMatch))]
    public void MaskMatch_MatchesAndFails(JsonElement testCase)
    {
        var mask = testCase.GetProperty("mask").GetString()!;
        using (Assert.EnterMultipleScope())
        {
            foreach (var text in testCase.GetProperty("matches").EnumerateArray())
            {
                Assert.That(IrcMask.IsMatch(mask, text.GetString(), IrcCaseMapping.Rfc1459), Is.True, text.GetString());
            }

            foreach (var text in testCase.GetProperty("fails").EnumerateArray())
            {
                Assert.That(IrcMask.IsMatch(mask, text.GetString(), IrcCaseMapping.Rfc1459), Is.False, text.GetString());
            }
        }
    }

    private static string WrittenByTheBuilder(Atoms atoms)
    {
        Span<byte> buffer = stackalloc byte[IrcLineLimits.DefaultMaxLineLength];
        var builder = new IrcMessageBuilder(buffer);
        foreach (var (key, value) in atoms.Tags)
        {
            builder.Tag(key, value);
        }

        if (atoms.Source is not null)
        {
            builder.Source(atoms.Source);
        }

        builder.Command(atoms.Verb);
        foreach (var parameter in atoms.Params)
        {
            builder.Param(parameter);
        }

        var line = builder.Complete();
        return System.Text.Encoding.UTF8.GetString(line[..^2]);
    }

    private static string? Optional(JsonElement atoms, string name)
        => atoms.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static IEnumerable<TestCaseData> Cases(string file, Func<JsonElement, string> name)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "testdata", "irc-parser-tests", file + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var index = 0;
        foreach (var testCase in document.RootElement.GetProperty("tests").EnumerateArray())
        {
            var label = name(testCase).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
            yield return new TestCaseData(testCase.Clone()).SetArgDisplayNames($"{file}#{index++}: {label}");
        }
    }
}
