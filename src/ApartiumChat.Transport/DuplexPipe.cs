using System.IO.Pipelines;

namespace ApartiumChat.Transport;

/// <summary>A plain pairing of a reader and a writer.</summary>
public sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
