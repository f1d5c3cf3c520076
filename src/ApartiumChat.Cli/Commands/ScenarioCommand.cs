using System.CommandLine;
using ApartiumChat.Cli.Scenarios;

namespace ApartiumChat.Cli.Commands;

/// <summary><c>apartium scenario run</c>: replay a fault scenario over many trials and report.</summary>
internal static class ScenarioCommand
{
    public static Command Create()
    {
        var command = new Command("scenario", "Fault scenarios: run one against real servers, proxies and clients, and write a report.");
        command.Subcommands.Add(Run());
        return command;
    }

    private static Command Run()
    {
        var file = new Argument<string>("scenario")
        {
            Description = "A scenario file, or the name of a shipped one (crash-primary, hang-primary, ...), looked up in scenarios/.",
        };
        var trials = new Option<int?>("--trials") { Description = "Trials to run (overrides the file's 'trials')." };
        var seed = new Option<long?>("--seed") { Description = "Master seed (overrides the file's 'seed'); trial i runs with a seed derived from it." };
        var mode = new Option<string?>("--mode") { Description = "tcp (real loopback sockets, real time) or sim (in-memory network, virtual time).", HelpName = "tcp|sim" };
        var output = new Option<string?>("--out") { Description = "Directory for the report (default reports/<name>/<UTC timestamp>/).", HelpName = "dir" };
        var trialSeed = new Option<long?>("--trial-seed") { Description = "Replay exactly one trial, by the seed the report lists for it." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar (it is also off when the output is not a terminal)." };
        var noEvents = new Option<bool>("--no-events") { Description = "Do not write the event log (events.jsonl: every trial's events in order; large for long runs)." };
        var command = new Command("run", "Run a scenario (SCENARIOS.md): every trial on a fresh cluster, every message checked against a ledger. "
            + "Exit codes: 0 every expectation held, 1 an expectation failed, 2 invalid scenario or arguments (nothing ran), 3 the run itself broke.")
        {
            file, trials, seed, mode, output, trialSeed, quiet, noEvents,
        };
        command.SetAction((parse, cancel) => ScenarioRunCommand.RunAsync(
            new ScenarioRunCommand.Arguments(
                parse.GetValue(file)!, parse.GetValue(trials), parse.GetValue(seed), parse.GetValue(mode), parse.GetValue(output), parse.GetValue(trialSeed), parse.GetValue(quiet), parse.GetValue(noEvents)),
            cancel));
        return command;
    }
}
