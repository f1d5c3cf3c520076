using System.Text.Json;
using ApartiumChat.Faults.Journal;
using ApartiumChat.Scenarios.Model;
using ApartiumChat.Scenarios.Observations;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// Writes the event log of a run (<c>events.jsonl</c>): one JSON object a line, trial after
/// trial in trial order; in each, the journaled events in journal order, then the injection
/// journal, then how the trial ended. Every field is from the trial's own clock (virtual in
/// sim), so two simulated runs of the same scenario and seed write the same bytes.
/// <code>
///   {"trial":1,"seed":..,"event":"registered","atMs":-3.2,"client":"c0","server":"s0",...}
///   {"trial":1,"seed":..,"event":"injection","at":"2026-01-01T00:00:01+00:00","proxy":"c0-s0",...}
///   {"trial":1,"seed":..,"event":"end","quiesced":true,"endMs":6180,"finalServers":{"c0":"s0",...}}
/// </code>
/// </summary>
public sealed class TrialEventLog : IDisposable
{
    public const string FileName = "events.jsonl";

    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;

    public TrialEventLog(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Appends one trial (a broken trial gets a single line with its error).</summary>
    public void Write(TrialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var trial = report.Trial;
        if (report.Outcome is not { } outcome)
        {
            Line(trial.Index, trial.Seed, "broken", j => j.WriteString("error", report.Error));
            return;
        }

        foreach (var e in outcome.Observation.Events)
        {
            Line(trial.Index, trial.Seed, Name(e), j =>
            {
                j.WriteNumber("atMs", e.AtMs);
                WriteFields(j, e);
            });
        }

        foreach (var injection in outcome.Injections)
        {
            Line(trial.Index, trial.Seed, "injection", j => WriteInjection(j, injection));
        }

        var observation = outcome.Observation;
        Line(trial.Index, trial.Seed, "end", j =>
        {
            j.WriteBoolean("quiesced", observation.Quiesced);
            j.WriteNumber("timelineEndMs", observation.TimelineEndMs);
            j.WriteNumber("endMs", observation.EndMs);
            j.WriteStartObject("finalServers");
            foreach (var client in observation.Clients)
            {
                j.WriteString(client, observation.FinalServer(client));
            }

            j.WriteEndObject();
        });
    }

    public void Flush() => _json.Flush();

    public void Dispose()
    {
        _json.Flush();
        _json.Dispose();
    }

    private void Line(int trial, long seed, string name, Action<Utf8JsonWriter> fields)
    {
        _json.WriteStartObject();
        _json.WriteNumber("trial", trial);
        _json.WriteNumber("seed", seed);
        _json.WriteString("event", name);
        fields(_json);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _stream.Write(NewLine);
    }

    private static string Name(TrialEvent e) => e switch
    {
        MessageSent => "sent",
        MessageAcknowledged => "acked",
        MessageDelivered => "delivered",
        ClientRegistered => "registered",
        ConnectionDeclaredDead => "dead",
        FaultApplied => "faultApplied",
        FaultEnded => "faultEnded",
        SendFailed => "sendFailed",
        _ => e.GetType().Name,
    };

    private static void WriteFields(Utf8JsonWriter j, TrialEvent e)
    {
        switch (e)
        {
            case MessageSent sent:
                j.WriteString("sender", sent.Sender);
                j.WriteNumber("sequence", sent.Sequence);
                break;
            case MessageAcknowledged acked:
                j.WriteString("sender", acked.Sender);
                j.WriteNumber("sequence", acked.Sequence);
                j.WriteString("msgId", acked.MsgId);
                break;
            case MessageDelivered delivered:
                j.WriteString("receiver", delivered.Receiver);
                j.WriteString("sender", delivered.Sender);
                j.WriteNumber("sequence", delivered.Sequence);
                j.WriteString("via", delivered.Via == DeliveryPath.History ? "history" : "live");
                j.WriteString("msgId", delivered.MsgId);
                break;
            case ClientRegistered registered:
                j.WriteString("client", registered.Client);
                j.WriteString("server", registered.Server);
                j.WriteBoolean("resumed", registered.Resumed);
                j.WriteBoolean("failback", registered.IsFailback);
                break;
            case ConnectionDeclaredDead dead:
                j.WriteString("client", dead.Client);
                j.WriteString("server", dead.Server);
                j.WriteString("reason", dead.Reason.ToString());
                break;
            case FaultApplied applied:
                j.WriteNumber("fault", applied.FaultIndex);
                j.WriteString("type", FaultTypes.Name(applied.Type));
                j.WriteString("server", applied.Server);
                WriteList(j, "clients", applied.Clients);
                break;
            case FaultEnded ended:
                j.WriteNumber("fault", ended.FaultIndex);
                WriteList(j, "clients", ended.Clients);
                break;
            case SendFailed failed:
                j.WriteString("sender", failed.Sender);
                if (failed.Sequence is { } sequence)
                {
                    j.WriteNumber("sequence", sequence);
                }

                j.WriteString("reason", failed.Reason.ToString());
                break;
        }
    }

    private static void WriteInjection(Utf8JsonWriter j, InjectionRecord record)
    {
        j.WriteString("at", record.At);
        j.WriteString("proxy", record.Proxy);
        j.WriteString("key", record.Key.ToString());
        j.WriteString("kind", record.Kind.ToString());
        j.WriteBoolean("applied", record.Applied);
        if (record.Draw is { } draw)
        {
            j.WriteNumber("draw", draw);
        }

        if (record.Toxicity is { } toxicity)
        {
            j.WriteNumber("toxicity", toxicity);
        }

        if (record.ChunkSeed is { } chunkSeed)
        {
            j.WriteNumber("chunkSeed", chunkSeed);
        }

        if (record.Detail is { } detail)
        {
            j.WriteString("detail", detail);
        }
    }

    private static void WriteList(Utf8JsonWriter j, string name, IReadOnlyList<string> values)
    {
        j.WriteStartArray(name);
        foreach (var value in values)
        {
            j.WriteStringValue(value);
        }

        j.WriteEndArray();
    }
}
