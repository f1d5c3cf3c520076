using System.Text.Json;
using ApartiumChat.Reports.Writing;

namespace ApartiumChat.Reports.Tests;

public sealed class ResultsJsonWriterTests
{
    private static JsonElement Write(Results.RunResult result) => JsonDocument.Parse(ResultsJsonWriter.ToJson(result)).RootElement;

    [Test]
    public void Json_HasTheContractsFields()
    {
        var json = Write(SampleRuns.Passing());

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("verdict").GetString(), Is.EqualTo("pass"));
            Assert.That(json.GetProperty("exitCode").GetInt32(), Is.EqualTo(0));
            Assert.That((json.GetProperty("scenario").GetString(), json.GetProperty("seed").GetInt64(), json.GetProperty("trialCount").GetInt32()), Is.EqualTo(("crash-primary", 1L, 3)));
            Assert.That(json.GetProperty("figures").GetProperty("lost").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(json.GetProperty("figures").GetProperty("failovers").GetInt64(), Is.EqualTo(24));
        });
    }

    [Test]
    public void Timing_IsNAndFourPercentilesInMs_NullWithoutSamples()
    {
        var figures = Write(SampleRuns.Passing()).GetProperty("figures");
        var detection = figures.GetProperty("detectionMs");
        var failback = figures.GetProperty("failbackMs");

        Assert.That(detection.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "n", "p50", "p90", "p99", "max" }));
        Assert.That(detection.GetProperty("n").GetInt32(), Is.EqualTo(48));
        Assert.That(detection.GetProperty("p50").GetDouble(), Is.LessThanOrEqualTo(detection.GetProperty("max").GetDouble()));
        Assert.That((failback.GetProperty("n").GetInt32(), failback.GetProperty("p99").ValueKind), Is.EqualTo((0, JsonValueKind.Null)));
    }

    [Test]
    public void Expectations_ListFigureBoundActualHeld()
    {
        var expectations = Write(SampleRuns.Failing()).GetProperty("expectations").EnumerateArray().ToList();

        Assert.That(expectations[0].GetProperty("figure").GetString(), Is.EqualTo("lost"));
        Assert.That((expectations[0].GetProperty("bound").GetDouble(), expectations[0].GetProperty("actual").GetDouble(), expectations[0].GetProperty("held").GetBoolean()), Is.EqualTo((0.0, 3.0, false)));
        Assert.That(expectations[1].GetProperty("actual").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(expectations[0].GetProperty("comparison").GetString(), Is.EqualTo("<="));
    }

    [Test]
    public void EndOn_BoundAndActualAreServerIds()
    {
        var endOn = Write(SampleRuns.Passing()).GetProperty("expectations").EnumerateArray().Single(e => e.GetProperty("figure").GetString() == "endOn");

        Assert.That((endOn.GetProperty("bound").GetString(), endOn.GetProperty("actual").GetString()), Is.EqualTo(("s0", "s0")));
    }

    [Test]
    public void Trials_ListIndexSeedAndFigures_AndSayWhichBroke()
    {
        var trials = Write(SampleRuns.Failing()).GetProperty("trials").EnumerateArray().ToList();

        Assert.That(trials.Select(t => (t.GetProperty("index").GetInt32(), t.GetProperty("seed").GetInt64(), t.GetProperty("status").GetString())),
            Is.EqualTo(new[] { (1, 1001L, "ok"), (2, 1002L, "failed"), (3, 1003L, "broken") }));
        Assert.That(trials[0].GetProperty("figures").GetProperty("failovers").GetInt64(), Is.EqualTo(8));
        Assert.That(trials[1].GetProperty("failedExpectations")[0].GetString(), Is.EqualTo("lost"));
        Assert.That(trials[2].GetProperty("error").GetString(), Is.EqualTo("server s1 did not start: address in use"));
        Assert.That(Write(SampleRuns.Failing()).GetProperty("exitCode").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public void NonFiniteNumbers_AreWrittenAsNull_NotAsInvalidJson()
    {
        var run = SampleRuns.Passing() with
        {
            Expectations = [new Results.ExpectationOutcome("detectionMs.max", "<=", Results.FigureValue.Of(10), Results.FigureValue.Of(double.NaN), false)],
        };

        Assert.That(Write(run).GetProperty("expectations")[0].GetProperty("actual").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
