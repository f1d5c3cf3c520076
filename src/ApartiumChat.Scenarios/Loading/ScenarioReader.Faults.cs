using ApartiumChat.Scenarios.Model;

namespace ApartiumChat.Scenarios.Loading;

internal sealed partial class ScenarioReader
{
    private static readonly string[] ServerFaultFields = ["atMs", "type", "server"];
    private static readonly string[] LinkFaultFields = ["atMs", "type", "server", "clients", "direction", "forMs", "toxicity"];
    private static readonly string[] HealFields = ["atMs", "type", "server", "clients"];

    private static readonly string FaultTypeNames = string.Join(", ", FaultTypes.Values.Select(FaultTypes.Name));

    /// <summary>The fields a fault of <paramref name="type"/> may have.</summary>
    internal static IReadOnlyList<string> FieldsOf(FaultType type) => type switch
    {
        _ when FaultTypes.KindOf(type) == FaultKind.Server => ServerFaultFields,
        FaultType.Heal => HealFields,
        FaultType.Latency => [.. LinkFaultFields, "latencyMs", "jitterMs"],
        FaultType.Bandwidth => [.. LinkFaultFields, "rateKBps"],
        FaultType.Slicer => [.. LinkFaultFields, "averageBytes", "variationBytes", "delayUs"],
        _ => LinkFaultFields,
    };

    private IReadOnlyList<Fault> FaultList(SourceObject root, int? servers, int? clients, int? durationMs)
    {
        var node = Get(root, "faults");
        if (node is null)
        {
            return [];
        }

        if (node is not SourceArray array)
        {
            Error(node, $"{node.Describe()} is not a list; allowed: a list of faults, each with atMs, type and server");
            return [];
        }

        var faults = new List<Fault>();
        var sources = new Dictionary<int, SourceObject>();
        var allValid = true;
        for (var index = 0; index < array.Items.Count; index++)
        {
            var item = array.Items[index];
            if (item is not SourceObject obj)
            {
                Error(item, $"{item.Describe()} is not a fault; allowed: an object with atMs, type and server");
                allValid = false;
                continue;
            }

            var before = _errors.Count;
            var fault = ReadFault(obj, index, servers, clients, durationMs);
            if (fault is not null && _errors.Count == before)
            {
                faults.Add(fault);
                sources[index] = obj;
            }
            else
            {
                allValid = false;
            }
        }

        // The timeline can only be judged whole: a restart's validity depends on every fault before it.
        if (allValid)
        {
            TimelineRules.Check(faults, sources, _errors);
        }

        return faults;
    }

    private Fault? ReadFault(SourceObject obj, int index, int? servers, int? clients, int? durationMs)
    {
        var atMs = Int(obj, "atMs", 0, MaxDurationMs, required: true);
        if (atMs is { } at && durationMs is { } duration && at > duration)
        {
            Error(Get(obj, "atMs")!, $"{at} is beyond durationMs; allowed: 0..{duration}");
        }

        var server = Get(obj, "server") is { } serverNode ? Id(serverNode, 's', servers, "server") : null;
        if (Get(obj, "server") is null)
        {
            Missing(obj, "server", servers is { } n ? Model.ScenarioIds.Describe('s', n) : "a server id");
        }

        var typeName = Text(obj, "type", FaultTypeNames, required: true);
        if (typeName is null)
        {
            return null;
        }

        if (!FaultTypes.TryParse(typeName, out var type))
        {
            Error(Get(obj, "type")!, $"'{typeName}' is not a fault type; allowed: {FaultTypeNames}");
            return null;
        }

        RefuseUnknown(obj, FieldsOf(type), $"a '{typeName}' fault");
        if (atMs is null || server is null)
        {
            return null;
        }

        var fault = new Fault { Index = index, AtMs = atMs.Value, Type = type, Server = server };
        return FaultTypes.KindOf(type) == FaultKind.Server ? fault : LinkFields(obj, fault, clients);
    }

    private Fault LinkFields(SourceObject obj, Fault fault, int? clients)
    {
        fault = fault with
        {
            Clients = IdList(obj, "clients", 'c', clients, "client", ", or omit the field for every client"),
        };
        if (fault.Type == FaultType.Heal)
        {
            return fault;
        }

        fault = fault with
        {
            Direction = Direction(obj) ?? LinkDirection.Both,
            ForMs = Int(obj, "forMs", 1, MaxDurationMs),
            Toxicity = Number(obj, "toxicity", 0, 1) ?? 1,
        };

        return fault.Type switch
        {
            FaultType.Latency => fault with
            {
                LatencyMs = Int(obj, "latencyMs", 0, 60_000, required: true),
                JitterMs = Int(obj, "jitterMs", 0, 60_000) ?? 0,
            },
            FaultType.Bandwidth => fault with { RateKBps = Int(obj, "rateKBps", 1, 1_000_000, required: true) },
            FaultType.Slicer => Slicer(obj, fault),
            _ => fault,
        };
    }

    private Fault Slicer(SourceObject obj, Fault fault)
    {
        var average = Int(obj, "averageBytes", 1, 65_536, required: true);
        var variation = Int(obj, "variationBytes", 0, 65_535);
        if (average is { } a && variation is { } v && v >= a)
        {
            Error(Get(obj, "variationBytes")!, $"{v} is not below averageBytes ({a}); allowed: 0..{a - 1}");
        }

        return fault with
        {
            AverageBytes = average,
            VariationBytes = variation ?? 0,
            DelayUs = Int(obj, "delayUs", 0, 1_000_000) ?? 0,
        };
    }

    private LinkDirection? Direction(SourceObject obj)
    {
        const string allowed = "upstream, downstream, both";
        var direction = Text(obj, "direction", allowed);
        switch (direction)
        {
            case null:
                return null;
            case "both":
                return LinkDirection.Both;
            case "upstream":
                return LinkDirection.Upstream;
            case "downstream":
                return LinkDirection.Downstream;
            default:
                Error(Get(obj, "direction")!, $"'{direction}' is not a direction; allowed: {allowed}");
                return null;
        }
    }
}
