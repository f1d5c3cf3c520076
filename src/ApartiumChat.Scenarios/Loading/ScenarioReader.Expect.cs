using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Loading;

internal sealed partial class ScenarioReader
{
    private static readonly string[] CountFigures = ["lost", "duplicated", "reordered", "unacked", "undetected", "falseFailovers", "failedSends"];
    private static readonly string[] TimingFigures = ["detectionMs", "failoverMs", "firstDeliveryMs", "failbackMs"];
    private static readonly string[] RangeFigures = ["failovers", "failbacks"];
    private static readonly string[] ExpectFields = [.. CountFigures, .. TimingFigures, .. RangeFigures, "endOn"];
    private static readonly string[] TimingFields = ["p50", "p90", "p99", "max"];
    private static readonly string[] RangeFields = ["min", "max"];

    private Expectations ExpectSection(SourceObject root, int? servers)
    {
        var obj = Section(root, "expect", "an object mapping figures to bounds");
        if (obj is null)
        {
            return Expectations.None;
        }

        RefuseUnknown(obj, ExpectFields);
        long? Count(string name) => Integer(obj, name, 0, long.MaxValue);
        return new Expectations
        {
            Lost = Count("lost"),
            Duplicated = Count("duplicated"),
            Reordered = Count("reordered"),
            Unacked = Count("unacked"),
            Undetected = Count("undetected"),
            FalseFailovers = Count("falseFailovers"),
            FailedSends = Count("failedSends"),
            DetectionMs = Timing(obj, "detectionMs"),
            FailoverMs = Timing(obj, "failoverMs"),
            FirstDeliveryMs = Timing(obj, "firstDeliveryMs"),
            FailbackMs = Timing(obj, "failbackMs"),
            Failovers = PerTrial(obj, "failovers"),
            Failbacks = PerTrial(obj, "failbacks"),
            EndOn = Get(obj, "endOn") is { } endOn ? Id(endOn, 's', servers, "server") : null,
        };
    }

    private TimingBound? Timing(SourceObject expect, string name)
    {
        var obj = Section(expect, name, "an object of p50, p90, p99, max (ms)");
        if (obj is null)
        {
            return null;
        }

        RefuseUnknown(obj, TimingFields);
        if (obj.Properties.Count == 0)
        {
            Error(obj, "an empty bound checks nothing; allowed: one or more of p50, p90, p99, max (ms)");
        }

        double? Bound(string field) => Number(obj, field, 0, double.PositiveInfinity);
        return new TimingBound { P50 = Bound("p50"), P90 = Bound("p90"), P99 = Bound("p99"), Max = Bound("max") };
    }

    private CountRange? PerTrial(SourceObject expect, string name)
    {
        var obj = Section(expect, name, "an object of min, max (per trial)");
        if (obj is null)
        {
            return null;
        }

        RefuseUnknown(obj, RangeFields);
        if (obj.Properties.Count == 0)
        {
            Error(obj, "an empty bound checks nothing; allowed: one or both of min, max (per trial)");
        }

        var min = Int(obj, "min", 0, int.MaxValue);
        var max = Int(obj, "max", 0, int.MaxValue);
        if (min is { } lo && max is { } hi && lo > hi)
        {
            Error(Get(obj, "min")!, $"{lo} is above max ({hi}); allowed: 0..{hi}");
        }

        return new CountRange { Min = min, Max = max };
    }
}
