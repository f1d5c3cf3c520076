using System.Buffers;
using System.Net.Sockets;

namespace ApartiumChat.Faults.Chains;

/// <summary>The pump: the one task that reads the source and writes the destination.</summary>
internal sealed partial class ToxicChain
{
    private enum Step
    {
        Read,
        Deliver,
        Wait,
        FinishGracefully,
        Stop,
    }

    /// <summary>Runs until the direction ends (FIN or reset delivered, destination gone, or terminated).</summary>
    public async Task RunAsync()
    {
        try
        {
            await PumpAsync();
        }
        finally
        {
            lock (_gate)
            {
                _finished = true;
                _stages = [];
                _sinks = [];
                _ready.Clear();
                _armedFor = TimeSpan.MaxValue;
            }

            _timer?.Dispose();
        }
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            switch (NextStep())
            {
                case Step.Read:
                    if (!await ReadAsync())
                    {
                        return;
                    }

                    break;
                case Step.Deliver:
                    if (!await DeliverAsync())
                    {
                        return;
                    }

                    break;
                case Step.Wait:
                    await _signal.WaitAsync();
                    break;
                case Step.FinishGracefully:
                    await CompleteOutputAsync();
                    return;
                default:
                    return;
            }
        }
    }

    private Step NextStep()
    {
        lock (_gate)
        {
            _waiting = PumpWait.None;
            if (_termination == Termination.Abort)
            {
                return Step.Stop;
            }

            if (_termination == Termination.Graceful)
            {
                return Step.FinishGracefully;
            }

            if (_ready.Count > 0)
            {
                return Step.Deliver;
            }

            // Nothing to write now: wait for a toxic to release something, or read on. Reading
            // stops while the toxics hold too much, which pushes back on the sender as TCP would.
            if (_sourceDone || _bufferedBytes >= _maxBufferedBytes)
            {
                _waiting = PumpWait.Signal;
                return Step.Wait;
            }

            _waiting = PumpWait.Read;
            return Step.Read;
        }
    }

    private async ValueTask<bool> ReadAsync()
    {
        System.IO.Pipelines.ReadResult result;
        try
        {
            result = await _input.ReadAsync();
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            // The source was reset: the reset travels down the chain like any segment.
            lock (_gate)
            {
                _waiting = PumpWait.None;
                if (_termination == Termination.None)
                {
                    IngestLocked(Segment.Reset);
                }

                _sourceDone = true;
            }

            return true;
        }

        var buffer = result.Buffer;
        bool direct;
        lock (_gate)
        {
            _waiting = PumpWait.None;
            direct = _stages.Length == 0 && _ready.Count == 0 && _termination == Termination.None;
            if (!direct && _termination == Termination.None)
            {
                if (!buffer.IsEmpty)
                {
                    IngestLocked(Segment.Bytes(buffer.ToArray()));
                }

                if (result.IsCompleted)
                {
                    IngestLocked(Segment.Fin);
                    _sourceDone = true;
                }
            }
        }

        if (!direct)
        {
            _input.AdvanceTo(buffer.End);
            return true;
        }

        // The plain path: nothing stands between the two pipes.
        var length = buffer.Length;
        try
        {
            foreach (var memory in buffer)
            {
                _output.Write(memory.Span);
            }
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            _input.AdvanceTo(buffer.End);
            return false;
        }

        _input.AdvanceTo(buffer.End);
        if (length > 0)
        {
            Interlocked.Add(ref _forwardedBytes, length);
        }

        if (result.IsCompleted)
        {
            await CompleteOutputAsync(); // the FIN passes straight through
            return false;
        }

        return length == 0 || await FlushAsync();
    }

    private void IngestLocked(Segment segment)
    {
        if (segment.IsData)
        {
            _bufferedBytes += segment.Length;
        }

        var now = Now();
        _entry.Emit(segment, now);
        AdvanceLocked(now);
    }

    /// <summary>Writes what is ready; false once the direction has ended.</summary>
    private async ValueTask<bool> DeliverAsync()
    {
        while (true)
        {
            Segment segment;
            lock (_gate)
            {
                if (_termination != Termination.None || !_ready.TryDequeue(out segment))
                {
                    return true;
                }

                if (segment.IsData)
                {
                    _bufferedBytes -= segment.Length;
                }
            }

            switch (segment.Kind)
            {
                case SegmentKind.Data:
                    // One flush per segment keeps slices apart on the wire.
                    if (!await WriteAsync(segment.Data))
                    {
                        return false;
                    }

                    break;
                case SegmentKind.Fin:
                    await CompleteOutputAsync();
                    return false;
                case SegmentKind.Reset:
                    _destination.Abort();
                    return false;
                case SegmentKind.Close:
                    await CompleteOutputAsync();
                    _link.CloseFromToxic();
                    return false;
                default:
                    _link.AbortFromToxic();
                    return false;
            }
        }
    }

    private async ValueTask<bool> WriteAsync(ReadOnlyMemory<byte> data)
    {
        try
        {
            _output.Write(data.Span);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            return false;
        }

        Interlocked.Add(ref _forwardedBytes, data.Length);
        return await FlushAsync();
    }

    /// <summary>False when the destination no longer takes bytes (reset, or its reader is gone).</summary>
    private async ValueTask<bool> FlushAsync()
    {
        try
        {
            var result = await _output.FlushAsync();
            return !result.IsCompleted;
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            return false;
        }
    }

    /// <summary>FIN to the destination, after whatever was written (completing a pipe writer commits it).</summary>
    private async ValueTask CompleteOutputAsync()
    {
        try
        {
            await _output.CompleteAsync();
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            // Already gone: nothing to close.
        }
    }

    private static bool IsTransportFailure(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException or InvalidOperationException;
}
