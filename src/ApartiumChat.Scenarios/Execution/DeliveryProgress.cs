namespace ApartiumChat.Scenarios.Execution;

/// <summary>
/// Live count of what quiescence waits for: acknowledged messages not yet delivered to every
/// receiver. Fed from the same events as the journal; thread-safe.
/// </summary>
internal sealed class DeliveryProgress
{
    private readonly Lock _gate = new();
    private readonly int _receiversPerMessage;
    private readonly HashSet<(string Sender, long Sequence)> _acknowledged = [];
    private readonly HashSet<(string Receiver, string Sender, long Sequence)> _delivered = [];
    private readonly Dictionary<(string Sender, long Sequence), int> _receivedBy = [];
    private long _missing;

    public DeliveryProgress(int clients)
    {
        _receiversPerMessage = clients - 1;
    }

    /// <summary>(message, receiver) pairs still owed for acknowledged messages.</summary>
    public long Missing
    {
        get
        {
            lock (_gate)
            {
                return _missing;
            }
        }
    }

    public void Acknowledged(string sender, long sequence)
    {
        lock (_gate)
        {
            if (_acknowledged.Add((sender, sequence)))
            {
                _missing += _receiversPerMessage - _receivedBy.GetValueOrDefault((sender, sequence));
            }
        }
    }

    public void Delivered(string receiver, string sender, long sequence)
    {
        lock (_gate)
        {
            if (receiver == sender || !_delivered.Add((receiver, sender, sequence)))
            {
                return;
            }

            _receivedBy[(sender, sequence)] = _receivedBy.GetValueOrDefault((sender, sequence)) + 1;
            if (_acknowledged.Contains((sender, sequence)))
            {
                _missing--;
            }
        }
    }
}
