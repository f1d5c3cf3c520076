namespace ApartiumChat.Scenarios.Observations;

/// <summary>How a message reached the receiving application.</summary>
public enum DeliveryPath
{
    Live,
    History,
}
