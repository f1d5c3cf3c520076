using ApartiumChat.Reports;
using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Execution;
using ApartiumChat.Scenarios.Loading;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Running;
using Spectre.Console;

namespace ApartiumChat.Cli.Scenarios;

/// <summary>What <c>apartium scenario run</c> does, from arguments to exit code.</summary>
internal static class ScenarioRunCommand
{
    public static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var overrides = new ScenarioOverrides
        {
            Trials = arguments.Trials,
            Seed = arguments.Seed,
            Mode = arguments.Mode,
            TrialSeed = arguments.TrialSeed,
        };
        var prepared = RunPreparation.Prepare(
            arguments.Scenario,
            Directory.GetCurrentDirectory(),
            overrides,
            new ScenarioLoadOptions { ClientDefaults = ScenarioRunner.ClientDefaults });
        if (!prepared.IsReady)
        {
            await Console.Error.WriteLineAsync($"apartium scenario run: {arguments.Scenario} was not run:");
            foreach (var problem in prepared.Problems)
            {
                await Console.Error.WriteLineAsync("  " + problem);
            }

            return 2;
        }

        var run = prepared.Run!;
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160; // a log file has no terminal width: do not wrap the table
        }

        var interactive = !arguments.Quiet && !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive;
        console.MarkupLine($"[bold]{Markup.Escape(run.Scenario.Name)}[/]: {run.Trials.Count} trial(s), mode {run.Scenario.ModeName}, seed {run.Scenario.Seed}{(run.ReplayedTrialSeed is { } s ? $", replaying trial seed {s}" : string.Empty)}");
        var runner = RunnerFor(run);

        // The folder is named from the start of the run; the event log streams into it trial by
        // trial, in trial order, so a long run never holds every trial's events in memory.
        var directory = arguments.Output ?? ReportWriter.NewRunDirectory(Path.Combine(Directory.GetCurrentDirectory(), "reports"), run.Scenario.Name, TimeProvider.System.GetUtcNow());
        Directory.CreateDirectory(directory);
        RunResult result;
        await using (var stream = arguments.NoEvents ? null : File.Create(Path.Combine(directory, TrialEventLog.FileName)))
        {
            using var events = stream is null ? null : new TrialEventLog(stream);
            if (events is not null)
            {
                runner.TrialCompleted += events.Write;
            }

            result = interactive
                ? await RunWithProgressAsync(runner, run, console, cancellationToken)
                : await runner.RunAsync(run, cancellationToken);
        }

        await ReportWriter.WriteAsync(result, directory, cancellationToken);
        SummaryRendering.Write(console, result);
        console.MarkupLine($"report: [link]{Markup.Escape(Path.Combine(directory, ReportWriter.HtmlFile))}[/]");
        return result.ExitCode;
    }

    /// <summary>tcp: one real host, trials in sequence after a warm-up. sim: a fresh simulated host per trial, trials in parallel.</summary>
    private static ScenarioRunner RunnerFor(PreparedRun run)
    {
        if (run.Scenario.Mode == ScenarioMode.Sim)
        {
            return ScenarioRunner.Simulated(TimeProvider.System);
        }

        var host = new TcpTrialHost();
        return new ScenarioRunner(_ => host, TimeProvider.System, warmUp: true);
    }

    private static async Task<RunResult> RunWithProgressAsync(ScenarioRunner runner, PreparedRun run, IAnsiConsole console, CancellationToken cancellationToken)
    {
        RunResult? result = null;
        var failovers = new List<double>();
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("trials", maxValue: run.Trials.Count);
                var done = 0;
                runner.TrialCompleted += report =>
                {
                    done++;
                    if (report.Figures is { } figures)
                    {
                        failovers.AddRange(figures.Failover.Select(f => f.Ms));
                    }

                    var p99 = failovers.Count == 0 ? "-" : $"{Percentile(failovers, 0.99):0} ms";
                    task.Description = $"trial {done}/{run.Trials.Count}, failover p99 {p99}{(report.Error is null ? string.Empty : " [red](a trial broke)[/]")}";
                    task.Increment(1);
                };
                result = await runner.RunAsync(run, cancellationToken);
            });
        return result!;
    }

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    internal sealed record Arguments(string Scenario, int? Trials, long? Seed, string? Mode, string? Output, long? TrialSeed, bool Quiet, bool NoEvents = false);
}
