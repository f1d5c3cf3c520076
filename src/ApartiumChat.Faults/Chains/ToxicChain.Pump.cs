using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace ApartiumChat.Faults.Chains;

/// <summary>The pump: the one task that reads the source and writes the destination.</summary>
internal sealed partial class ToxicChain
{
    private enum ReadOutcome
    {
        Continue,
        Flush,
        Complete,
        DestinationGone,
    }

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

    /// <summary>
    /// The loop. The plain path (read, write, flush) is written out here rather than in helper
    /// async methods, so the loop's one state machine is reused for every chunk: no allocation
    /// per read.
    /// </summary>
    private async Task PumpAsync()
    {
        while (true)
        {
            switch (NextStep())
            {
                case Step.Read:
                    ReadResult result;
                    try
                    {
                        result = await _input.ReadAsync();
                    }
                    catch (Exception e) when (IsTransportFailure(e))
                    {
                        OnSourceReset();
                        break;
                    }

                    switch (OnRead(result))
                    {
                        case ReadOutcome.Flush:
                            try
                            {
                                if ((await _output.FlushAsync()).IsCompleted)
                                {
                                    return; // the destination no longer reads
                                }
                            }
                            catch (Exception e) when (IsTransportFailure(e))
                            {
                                return;
                            }

                            break;
                        case ReadOutcome.Complete:
                            await CompleteOutputAsync(); // the FIN passes straight through
                            return;
                        case ReadOutcome.DestinationGone:
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

    /// <summary>The source was reset: the reset travels down the chain like any segment.</summary>
    private void OnSourceReset()
    {
        lock (_gate)
        {
            _waiting = PumpWait.None;
            if (_termination == Termination.None)
            {
                IngestLocked(Segment.Reset);
            }

            _sourceDone = true;
        }
    }

    /// <summary>
    /// Takes what a read brought: straight into the destination when no toxic stands between
    /// (and nothing is still queued), otherwise into the chain as a segment.
    /// </summary>
    private ReadOutcome OnRead(ReadResult result)
    {
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
            return ReadOutcome.Continue;
        }

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
            return ReadOutcome.DestinationGone;
        }

        _input.AdvanceTo(buffer.End);
        if (length > 0)
        {
            Interlocked.Add(ref _forwardedBytes, length);
        }

        return result.IsCompleted ? ReadOutcome.Complete
            : length > 0 ? ReadOutcome.Flush
            : ReadOutcome.Continue;
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
