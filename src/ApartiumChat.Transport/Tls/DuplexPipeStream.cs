using System.Buffers;
using System.IO.Pipelines;

namespace ApartiumChat.Transport.Tls;

/// <summary>A <see cref="Stream"/> over a connection's pipes, so that <see cref="System.Net.Security.SslStream"/> can sit on any transport.</summary>
internal sealed class DuplexPipeStream : Stream
{
    private readonly PipeReader _input;
    private readonly PipeWriter _output;

    public DuplexPipeStream(IDuplexPipe pipe)
    {
        _input = pipe.Input;
        _output = pipe.Output;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken);
            var available = result.Buffer;
            if (!available.IsEmpty)
            {
                var count = (int)Math.Min(available.Length, buffer.Length);
                available.Slice(0, count).CopyTo(buffer.Span);
                _input.AdvanceTo(available.GetPosition(count));
                return count;
            }

            _input.AdvanceTo(available.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return 0;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var result = await _output.WriteAsync(buffer, cancellationToken);
        if (result.IsCompleted)
        {
            throw new ConnectionResetException("The peer stopped reading.");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken) => await _output.FlushAsync(cancellationToken);

    public override void Flush() => throw new NotSupportedException("Synchronous I/O would block; use FlushAsync.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous I/O would block; use ReadAsync.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous I/O would block; use WriteAsync.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
