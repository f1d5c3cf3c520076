using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ApartiumChat.Reports.Results;

namespace ApartiumChat.Reports.Writing;

/// <summary>
/// Writes results.json: the verdict, every figure (timings as <c>{ n, p50, p90, p99, max }</c>
/// in milliseconds, counts as numbers), every expectation with its verdict, and every trial
/// with its seed and figures. The planned trial count is <c>trialCount</c>, since
/// <c>trials</c> is the list.
/// </summary>
public static class ResultsJsonWriter
{
    /// <remarks>Characters such as '&lt;' are written as they are: the file is read as JSON, never pasted into a page.</remarks>
    public static string ToJson(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(json, result);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter json, RunResult result)
    {
        json.WriteStartObject();
        json.WriteString("scenario", result.ScenarioName);
        json.WriteString("description", result.Description);
        json.WriteString("scenarioPath", result.ScenarioPath);
        json.WriteString("mode", result.Mode);
        json.WriteBoolean("simulated", result.Simulated);
        json.WriteNumber("seed", result.Seed);
        json.WriteNumber("trialCount", result.Trials);
        if (result.ReplayedTrialSeed is { } replayed)
        {
            json.WriteNumber("replayedTrialSeed", replayed);
        }
        else
        {
            json.WriteNull("replayedTrialSeed");
        }

        json.WriteString("startedUtc", result.StartedUtc.ToUniversalTime());
        json.WriteString("verdict", result.Verdict == RunVerdict.Pass ? "pass" : "fail");
        json.WriteNumber("exitCode", result.ExitCode);
        json.WritePropertyName("figures");
        WriteFigures(json, result.Figures);
        WriteExpectations(json, result.Expectations);
        WriteTrials(json, result.TrialResults);
        json.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter json, FigureSet figures)
    {
        json.WriteStartObject();
        foreach (var timing in figures.Timings)
        {
            json.WriteStartObject(timing.Name);
            json.WriteNumber("n", timing.Summary.N);
            WriteMs(json, "p50", timing.Summary.P50);
            WriteMs(json, "p90", timing.Summary.P90);
            WriteMs(json, "p99", timing.Summary.P99);
            WriteMs(json, "max", timing.Summary.Max);
            json.WriteEndObject();
        }

        foreach (var count in figures.Counts)
        {
            json.WriteNumber(count.Name, count.Value);
        }

        json.WriteEndObject();
    }

    private static void WriteExpectations(Utf8JsonWriter json, IReadOnlyList<ExpectationOutcome> expectations)
    {
        json.WriteStartArray("expectations");
        foreach (var expectation in expectations)
        {
            json.WriteStartObject();
            json.WriteString("figure", expectation.Figure);
            json.WriteString("comparison", expectation.Comparison);
            WriteValue(json, "bound", expectation.Bound);
            WriteValue(json, "actual", expectation.Actual);
            json.WriteBoolean("held", expectation.Held);
            if (expectation.Note is { } note)
            {
                json.WriteString("note", note);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteTrials(Utf8JsonWriter json, IReadOnlyList<TrialResult> trials)
    {
        json.WriteStartArray("trials");
        foreach (var trial in trials)
        {
            json.WriteStartObject();
            json.WriteNumber("index", trial.Index);
            json.WriteNumber("seed", trial.Seed);
            json.WriteString("status", TrialStatus(trial));
            json.WriteBoolean("quiesced", trial.Quiesced);
            if (trial.Error is { } error)
            {
                json.WriteString("error", error);
            }

            json.WriteStartArray("failedExpectations");
            foreach (var failed in trial.FailedExpectations)
            {
                json.WriteStringValue(failed);
            }

            json.WriteEndArray();
            json.WritePropertyName("figures");
            WriteFigures(json, trial.Figures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>"broken", "failed" (broke an expectation on its own) or "ok".</summary>
    public static string TrialStatus(TrialResult trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.Broken ? "broken" : trial.Failed ? "failed" : "ok";
    }

    private static void WriteMs(Utf8JsonWriter json, string name, double? value)
    {
        // JSON has no NaN or infinity; a value that is not a number is no value.
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string name, FigureValue value)
    {
        if (value.Number is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, Math.Round(number, 3));
        }
        else if (value.Text is { } text)
        {
            json.WriteString(name, text);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
