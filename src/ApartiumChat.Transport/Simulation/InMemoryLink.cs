using System.IO.Pipelines;

namespace ApartiumChat.Transport.Simulation;

/// <summary>
/// The two pipes of one in-memory connection and its reset state.
/// <code>
///   client.Output --[ToServer]--&gt; server.Input
///   client.Input  &lt;--[ToClient]-- server.Output
/// </code>
/// A reset (RST) from either end wakes every pending read and flush on both ends; the
/// wrappers then throw <see cref="ConnectionResetException"/>, so both peers see the reset.
/// </summary>
internal sealed class InMemoryLink
{
    private volatile bool _isReset;

    public InMemoryLink(PipeOptions options)
    {
        ToServer = new Pipe(options);
        ToClient = new Pipe(options);
    }

    public Pipe ToServer { get; }

    public Pipe ToClient { get; }

    public bool IsReset => _isReset;

    public void Reset()
    {
        if (_isReset)
        {
            return;
        }

        _isReset = true;
        foreach (var pipe in new[] { ToServer, ToClient })
        {
            pipe.Reader.CancelPendingRead();
            pipe.Writer.CancelPendingFlush();
        }
    }

    public ConnectionResetException ResetError() => new("The connection was reset.");
}
