using ApartiumChat.Reports.Results;

namespace ApartiumChat.Reports.Tests;

/// <summary>Run results shaped like real ones: a crash of s0 in a 3-server, 8-client cluster.</summary>
internal static class SampleRuns
{
    public static readonly DateTimeOffset Started = new(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static readonly string[] Servers = ["s0", "s1", "s2"];

    public static RunResult Passing(int trials = 3)
    {
        var random = new Random(7);
        var failover = Enumerable.Range(0, 8 * trials).Select(_ => 80 + (random.NextDouble() * 120)).ToList();
        var hangFailover = Enumerable.Range(0, 8 * trials).Select(_ => 350 + (random.NextDouble() * 200)).ToList();
        var detection = Enumerable.Range(0, 16 * trials).Select(_ => random.NextDouble() * 40).ToList();
        var windows = new List<FaultWindow>
        {
            new("crash s0", 1000, 3500, true),
            new("latency s1 (c3)", 4000, 5000, false),
            new("reset s2", 5200, 5200, true),
        };
        var lanes = Enumerable.Range(0, 8).Select(c => new ClientLane($"c{c}",
        [
            new ServerSpan("s0", 0, 1000 + c),
            new ServerSpan("s1", 1100 + (10 * c), 4600 + (20 * c)),
            new ServerSpan("s0", 4600 + (20 * c), 6500),
        ])).ToList();
        var latencies = Enumerable.Range(0, 600)
            .Select(i => new LatencySample(i * 10, i * 10 is > 1000 and < 1200 ? 150 + random.NextDouble() * 50 : 2 + random.NextDouble() * 3, i % 50 == 0))
            .ToList();

        return new RunResult
        {
            ScenarioName = "crash-primary",
            Description = "The primary crashes; clients move to s1 and come back.",
            ScenarioPath = "scenarios/crash-primary.json",
            Mode = "tcp",
            Seed = 1,
            Trials = trials,
            StartedUtc = Started,
            Verdict = RunVerdict.Pass,
            Figures = Figures(detection, failover.Concat(hangFailover).ToList(), 8 * trials),
            Expectations =
            [
                new ExpectationOutcome("lost", "<=", FigureValue.Of(0), FigureValue.Of(0), true),
                new ExpectationOutcome("detectionMs.p99", "<=", FigureValue.Of(50), FigureValue.Of(39.5), true, "n=48"),
                new ExpectationOutcome("failovers.min", ">=", FigureValue.Of(8), FigureValue.Of(8), true, "per trial; every trial within"),
                new ExpectationOutcome("failovers.max", "<=", FigureValue.Of(8), FigureValue.Of(8), true, "per trial; every trial within"),
                new ExpectationOutcome("endOn", "=", FigureValue.Of("s0"), FigureValue.Of("s0"), true, "0 of 24 client endings elsewhere"),
            ],
            TrialResults = Enumerable.Range(1, trials).Select(i => new TrialResult(i, 1000 + i, Figures(detection, failover, 8), [])).ToList(),
            Charts = new RunCharts(
                [new SampleSeries("crash", failover), new SampleSeries("hang", hangFailover)],
                detection,
                new TrialTimeline(1, 1001, 6500, Servers, lanes, windows, 8),
                new DeliveryLatencySeries(1, latencies, windows, 600)),
            Notes = ["The timeline and latency charts show trial 1, the first trial."],
        };
    }

    /// <summary>A failing run: a lost message in trial 2, a broken trial 3, a timing with no sample.</summary>
    public static RunResult Failing() => Passing() with
    {
        Verdict = RunVerdict.Fail,
        Expectations =
        [
            new ExpectationOutcome("lost", "<=", FigureValue.Of(0), FigureValue.Of(3), false),
            new ExpectationOutcome("failbackMs.p99", "<=", FigureValue.Of(1400), FigureValue.None, false, "no sample"),
        ],
        TrialResults =
        [
            new TrialResult(1, 1001, Figures([], [], 8), []),
            new TrialResult(2, 1002, Figures([], [], 8), ["lost"]),
            new TrialResult(3, 1003, FigureSet.Empty, [], Quiesced: false, Error: "server s1 did not start: address in use"),
        ],
    };

    /// <summary>A run with no samples and no chart data at all.</summary>
    public static RunResult Empty() => Passing() with
    {
        Figures = Figures([], [], 0),
        Charts = RunCharts.Empty,
        TrialResults = [],
        Mode = "sim",
    };

    public static FigureSet Figures(IReadOnlyList<double> detection, IReadOnlyList<double> failover, long failovers)
    {
        static TimingSummary Summary(IReadOnlyList<double> samples)
        {
            if (samples.Count == 0)
            {
                return TimingSummary.Empty;
            }

            var sorted = samples.Order().ToArray();
            double Rank(int p) => sorted[((p * sorted.Length) + 99) / 100 - 1];
            return new TimingSummary(sorted.Length, Rank(50), Rank(90), Rank(99), sorted[^1]);
        }

        return new FigureSet(
            [
                new TimingFigure(FigureNames.DetectionMs, Summary(detection)),
                new TimingFigure(FigureNames.FailoverMs, Summary(failover)),
                new TimingFigure(FigureNames.FirstDeliveryMs, TimingSummary.Empty),
                new TimingFigure(FigureNames.FailbackMs, TimingSummary.Empty),
            ],
            FigureNames.Counts.Select(c => new CountFigure(c, c == FigureNames.Failovers ? failovers : 0)).ToList());
    }
}
