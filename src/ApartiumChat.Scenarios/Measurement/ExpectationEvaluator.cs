using System.Globalization;
using ApartiumChat.Reports.Results;
using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Measurement;

/// <summary>
/// Judges a scenario's expectations (SCENARIOS.md, "Expectations"): counts bound the sum over
/// all trials; timings bound nearest-rank percentiles over every sample of every trial, and a
/// timing bound with no sample fails; failovers and failbacks bound each trial; endOn names the
/// server every client must end on.
/// </summary>
public static class ExpectationEvaluator
{
    private const string AtMost = "<=";
    private const string AtLeast = ">=";

    public static IReadOnlyList<ExpectationOutcome> Evaluate(Expectations expect, IReadOnlyList<TrialFigures> trials)
    {
        ArgumentNullException.ThrowIfNull(expect);
        ArgumentNullException.ThrowIfNull(trials);
        var outcomes = new List<ExpectationOutcome>();
        foreach (var (name, bound) in Counts(expect))
        {
            var actual = trials.Sum(t => t.Count(name));
            outcomes.Add(new ExpectationOutcome(name, AtMost, FigureValue.Of(bound), FigureValue.Of(actual), actual <= bound));
        }

        foreach (var (name, bound) in Timings(expect))
        {
            var sorted = trials.SelectMany(t => t.Samples(name)).Select(s => s.Ms).Order().ToArray();
            foreach (var (key, percent, limit) in Keys(bound))
            {
                var figure = $"{name}.{key}";
                if (sorted.Length == 0)
                {
                    outcomes.Add(new ExpectationOutcome(figure, AtMost, FigureValue.Of(limit), FigureValue.None, false, "no sample"));
                    continue;
                }

                var actual = Percentiles.NearestRank(sorted, percent);
                outcomes.Add(new ExpectationOutcome(figure, AtMost, FigureValue.Of(limit), FigureValue.Of(actual), actual <= limit, $"n={sorted.Length}"));
            }
        }

        foreach (var (name, range) in Ranges(expect))
        {
            AddRange(outcomes, name, range, trials);
        }

        if (expect.EndOn is { } endOn)
        {
            outcomes.Add(EndOn(endOn, trials));
        }

        return outcomes;
    }

    /// <summary>The expectations one trial breaks on its own (figure names as in <see cref="Evaluate"/>).</summary>
    public static IReadOnlyList<string> FailedBy(Expectations expect, TrialFigures trial)
    {
        ArgumentNullException.ThrowIfNull(expect);
        ArgumentNullException.ThrowIfNull(trial);
        var failed = new List<string>();
        failed.AddRange(Counts(expect).Where(c => trial.Count(c.Name) > c.Bound).Select(c => c.Name));
        foreach (var (name, bound) in Timings(expect))
        {
            var sorted = trial.Samples(name).Select(s => s.Ms).Order().ToArray();
            if (sorted.Length > 0)
            {
                failed.AddRange(Keys(bound).Where(k => Percentiles.NearestRank(sorted, k.Percent) > k.Limit).Select(k => $"{name}.{k.Key}"));
            }
        }

        foreach (var (name, range) in Ranges(expect))
        {
            var count = trial.Count(name);
            if (range.Min is { } min && count < min)
            {
                failed.Add($"{name}.min");
            }

            if (range.Max is { } max && count > max)
            {
                failed.Add($"{name}.max");
            }
        }

        if (expect.EndOn is { } endOn && trial.FinalServers.Any(f => f.Server != endOn))
        {
            failed.Add(FigureNames.EndOn);
        }

        return failed;
    }

    private static IEnumerable<(string Name, long Bound)> Counts(Expectations e)
    {
        (string, long?)[] all =
        [
            (FigureNames.Lost, e.Lost), (FigureNames.Duplicated, e.Duplicated), (FigureNames.Reordered, e.Reordered),
            (FigureNames.Unacked, e.Unacked), (FigureNames.Undetected, e.Undetected), (FigureNames.FalseFailovers, e.FalseFailovers),
            (FigureNames.FailedSends, e.FailedSends),
        ];
        return all.Where(c => c.Item2 is not null).Select(c => (c.Item1, c.Item2!.Value));
    }

    private static IEnumerable<(string Name, TimingBound Bound)> Timings(Expectations e)
    {
        (string, TimingBound?)[] all =
        [
            (FigureNames.DetectionMs, e.DetectionMs), (FigureNames.FailoverMs, e.FailoverMs),
            (FigureNames.FirstDeliveryMs, e.FirstDeliveryMs), (FigureNames.FailbackMs, e.FailbackMs),
        ];
        return all.Where(t => t.Item2 is not null).Select(t => (t.Item1, t.Item2!));
    }

    private static IEnumerable<(string Name, CountRange Range)> Ranges(Expectations e)
    {
        (string, CountRange?)[] all = [(FigureNames.Failovers, e.Failovers), (FigureNames.Failbacks, e.Failbacks)];
        return all.Where(r => r.Item2 is not null).Select(r => (r.Item1, r.Item2!));
    }

    /// <summary>The bounds given, as (key, percentile rank, limit); max is the 100th percentile.</summary>
    private static IEnumerable<(string Key, int Percent, double Limit)> Keys(TimingBound bound)
    {
        (string, int, double?)[] all = [("p50", 50, bound.P50), ("p90", 90, bound.P90), ("p99", 99, bound.P99), ("max", 100, bound.Max)];
        return all.Where(k => k.Item3 is not null).Select(k => (k.Item1, k.Item2, k.Item3!.Value));
    }

    private static void AddRange(List<ExpectationOutcome> outcomes, string name, CountRange range, IReadOnlyList<TrialFigures> trials)
    {
        var counts = trials.Select(t => t.Count(name)).ToList();
        if (range.Min is { } min)
        {
            var outside = Outside(counts, c => c < min);
            outcomes.Add(new ExpectationOutcome(
                $"{name}.min", AtLeast, FigureValue.Of(min), counts.Count == 0 ? FigureValue.None : FigureValue.Of(counts.Min()),
                counts.Count > 0 && outside.Count == 0, PerTrialNote(counts.Count, outside)));
        }

        if (range.Max is { } max)
        {
            var outside = Outside(counts, c => c > max);
            outcomes.Add(new ExpectationOutcome(
                $"{name}.max", AtMost, FigureValue.Of(max), counts.Count == 0 ? FigureValue.None : FigureValue.Of(counts.Max()),
                counts.Count > 0 && outside.Count == 0, PerTrialNote(counts.Count, outside)));
        }
    }

    private static List<int> Outside(List<long> counts, Func<long, bool> breaks) =>
        counts.Select((c, i) => (c, i)).Where(x => breaks(x.c)).Select(x => x.i).ToList();

    private static string PerTrialNote(int trials, List<int> outside) => trials == 0
        ? "no trial"
        : outside.Count == 0
            ? "per trial; every trial within"
            : $"per trial; {outside.Count} of {trials} trials outside";

    private static ExpectationOutcome EndOn(string server, IReadOnlyList<TrialFigures> trials)
    {
        var finals = trials.SelectMany(t => t.FinalServers).Select(f => f.Server ?? "none").ToList();
        var held = finals.Count > 0 && finals.All(f => f == server);
        var actual = finals.Count == 0
            ? FigureValue.None
            : held
                ? FigureValue.Of(server)
                : FigureValue.Of(string.Join(", ", finals.GroupBy(f => f)
                    .OrderBy(g => g.Key == "none" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key}: {g.Count().ToString(CultureInfo.InvariantCulture)}")));
        var note = finals.Count == 0 ? "no trial" : $"{finals.Count(f => f != server)} of {finals.Count} client endings elsewhere";
        return new ExpectationOutcome(FigureNames.EndOn, "=", FigureValue.Of(server), actual, held, note);
    }
}
