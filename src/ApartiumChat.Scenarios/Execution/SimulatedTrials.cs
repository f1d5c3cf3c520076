using ApartiumChat.Scenarios.Measurement;
using ApartiumChat.Scenarios.Running;

namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// Runs the simulated trials of a run on worker threads, each trial on its own loop, and hands
/// them back strictly in trial order, so what the caller reports and writes does not depend on
/// which worker finished first.
/// <code>
///   worker 1: trial 1, trial 3, ...  --+
///   worker 2: trial 2, trial 4, ...  --+--> slot[i] --> caller awaits slot 1, 2, 3, ... in order
/// </code>
/// Workers run at most a window of trials ahead of the caller, so a slow consumer (writing the
/// event log) does not make finished trials pile up in memory.
/// </summary>
internal sealed class SimulatedTrials : IDisposable
{
    private readonly PreparedRun _run;
    private readonly MeasurementSettings _settings;
    private readonly TrialSeams _seams;
    private readonly TaskCompletionSource<SimulatedTrialResult>?[] _slots;
    private readonly SemaphoreSlim _window;
    private readonly Thread[] _workers;
    private int _next = -1;
    private volatile bool _stopped;

    public SimulatedTrials(PreparedRun run, MeasurementSettings settings, TrialSeams seams, int workers)
    {
        _run = run;
        _settings = settings;
        _seams = seams;
        _slots = [.. run.Trials.Select(_ => new TaskCompletionSource<SimulatedTrialResult>(TaskCreationOptions.RunContinuationsAsynchronously))];
        var count = Math.Clamp(workers, 1, Math.Max(1, run.Trials.Count));
        _window = new SemaphoreSlim(count * 4);
        _workers = [.. Enumerable.Range(0, count).Select(i => new Thread(Work) { IsBackground = true, Name = $"sim-trials-{i}" })];
        foreach (var worker in _workers)
        {
            worker.Start();
        }
    }

    /// <summary>The result of the trial at <paramref name="position"/> (0-based, in plan order); each is taken once.</summary>
    public async Task<SimulatedTrialResult> TakeAsync(int position, CancellationToken cancellationToken)
    {
        var slot = _slots[position] ?? throw new InvalidOperationException($"trial at {position} was already taken");
        var result = await slot.Task.WaitAsync(cancellationToken);
        _slots[position] = null;
        _window.Release();
        return result;
    }

    /// <summary>Stops handing out trials; the ones running finish (each is bounded in virtual time).</summary>
    public void Dispose()
    {
        _stopped = true;
        _window.Release(_workers.Length);
        foreach (var worker in _workers)
        {
            worker.Join();
        }

        _window.Dispose();
    }

    private void Work()
    {
        while (true)
        {
            _window.Wait();
            var position = Interlocked.Increment(ref _next);
            if (_stopped || position >= _run.Trials.Count)
            {
                return;
            }

            _slots[position]?.TrySetResult(SimulatedTrial.Run(_run, _run.Trials[position], _settings, _seams));
        }
    }
}
