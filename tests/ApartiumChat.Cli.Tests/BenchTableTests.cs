using ApartiumChat.Cli.Bench;

namespace ApartiumChat.Cli.Tests;

/// <summary>The side-by-side bench table: figures per server, ratios to the first, and its footnotes only where they apply.</summary>
public sealed class BenchTableTests
{
    [Test]
    public void GeneratorBoundThroughput_IsStarred_AndTheFootnoteSaysWhy()
    {
        var table = BenchTable.Render(new BenchResults
        {
            Results = [Fanout("apartium", 2_000_000, serverSeconds: 0.9, generatorSeconds: 1.0), Fanout("inspircd", 1_000_000, serverSeconds: 0.5, generatorSeconds: 0.4)],
        });

        Assert.That(table, Does.Contain("| fanout | deliveries/s | 2,000,000* | 1,000,000 | 2.00x |"));
        Assert.That(table, Does.Contain("* the load generator used at least as much CPU"));
        Assert.That(table, Does.Contain("Ratios are apartium's figure over the other's"));
    }

    [Test]
    public void OneServer_NothingGeneratorBound_HasNeitherFootnote()
    {
        var table = BenchTable.Render(new BenchResults { Results = [Fanout("apartium", 500_000, serverSeconds: 0.6, generatorSeconds: 0.3)] });

        Assert.That(table, Does.Contain("| fanout | deliveries/s | 500,000 |"));
        Assert.That(table, Does.Not.Contain("lower bound").And.Not.Contain("Ratios are"));
    }

    private static BenchResult Fanout(string server, double deliveries, double serverSeconds, double generatorSeconds) => new()
    {
        Workload = "fanout",
        Description = "1 sender -> 50 receivers",
        Server = server,
        Clients = 50,
        StartedAt = DateTimeOffset.UnixEpoch,
        LoadAverageBefore = 0.1,
        DeliveriesPerSecond = deliveries,
        Cpu = new CpuUse(WallSeconds: 1, ServerSeconds: serverSeconds, GeneratorSeconds: generatorSeconds, OtherSeconds: 0.1, Cores: 2),
    };
}
