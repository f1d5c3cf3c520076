using System.Text;
using ApartiumChat.Scenarios.Execution;

namespace ApartiumChat.Simulation.Tests;

/// <summary>A trial's event log (events.jsonl lines) as text, for event-for-event comparisons.</summary>
internal static class EventLogs
{
    public static string Of(SimulatedTrialResult result)
    {
        using var buffer = new MemoryStream();
        using (var log = new TrialEventLog(buffer))
        {
            log.Write(new TrialReport(result.Trial, result.Figures, result.Outcome, result.Error));
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
