using ApartiumChat.Reports.Results;
using ApartiumChat.Reports.Writing;

namespace ApartiumChat.Reports.Tests;

public sealed class TrialsCsvWriterTests
{
    [Test]
    public void Csv_HasAHeaderAndARowPerTrial()
    {
        var lines = TrialsCsvWriter.ToCsv(SampleRuns.Failing()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[0], Does.StartWith("index,seed,status,quiesced,lost,duplicated,reordered,unacked,undetected,failovers,failbacks,falseFailovers,failedSends,"));
        Assert.That(lines[0], Does.Contain("detectionMs_n,detectionMs_p50,detectionMs_p90,detectionMs_p99,detectionMs_max").And.EndWith("failedExpectations,error"));
        Assert.That(lines[2], Does.StartWith("2,1002,failed,true,0,0,0,0,0,8,").And.EndWith(",lost,"));
        Assert.That(lines[3], Does.StartWith("3,1003,broken,false,,").And.EndWith(",server s1 did not start: address in use"));
    }

    [Test]
    public void Cells_WithCommasOrQuotes_AreQuoted()
    {
        var run = SampleRuns.Failing() with
        {
            TrialResults = [new TrialResult(1, 5, FigureSet.Empty, [], Error: "bad \"thing\", really")],
        };

        Assert.That(TrialsCsvWriter.ToCsv(run), Does.Contain(",\"bad \"\"thing\"\", really\"\r\n"));
    }

    [Test]
    public void Every_RowHasAsManyCellsAsTheHeader()
    {
        var lines = TrialsCsvWriter.ToCsv(SampleRuns.Passing()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines.Select(l => l.Split(',').Length), Has.All.EqualTo(lines[0].Split(',').Length));
    }
}
