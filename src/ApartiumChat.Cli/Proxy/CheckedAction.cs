using System.CommandLine;
using System.CommandLine.Invocation;

namespace ApartiumChat.Cli.Proxy;

/// <summary>
/// A command action that reports bad arguments itself: a clear message, a pointer to --help,
/// no stack trace, and exit code 2 (System.CommandLine's own parse-error action exits with 1).
/// </summary>
internal sealed class CheckedAction : AsynchronousCommandLineAction
{
    public const int BadArguments = 2;

    private readonly string _command;
    private readonly Func<ParseResult, CancellationToken, Task<int>> _run;

    public CheckedAction(string command, Func<ParseResult, CancellationToken, Task<int>> run)
    {
        _command = command;
        _run = run;
    }

    public override bool ClearsParseErrors => true;

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        var problems = parseResult.Errors.Select(e => e.Message)
            .Concat(parseResult.UnmatchedTokens.Select(t => $"Unrecognized argument: '{t}'."))
            .Distinct()
            .ToList();
        if (problems.Count > 0)
        {
            return Fail(parseResult, problems);
        }

        return await _run(parseResult, cancellationToken);
    }

    public int Fail(ParseResult parseResult, IEnumerable<string> problems)
    {
        var error = parseResult.InvocationConfiguration.Error;
        foreach (var problem in problems)
        {
            error.WriteLine($"{_command}: {problem}");
        }

        error.WriteLine($"Run '{_command} --help' for usage.");
        return BadArguments;
    }
}
