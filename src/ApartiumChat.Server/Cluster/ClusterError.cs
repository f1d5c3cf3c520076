namespace ApartiumChat.Server.Cluster;

/// <summary>Why the cluster refused an operation; the command layer turns each into its numeric.</summary>
public enum ClusterError
{
    None = 0,
    NickInUse,
    NoSuchNick,
    NoSuchChannel,
    CannotSendToChannel,
    TooManyChannels,
    NotOnChannel,
    UserNotInChannel,
    ChannelIsFull,
    BannedFromChannel,
    BadChannelKey,
    ChannelOperatorNeeded,
    AlreadyOnChannel,
    BanListFull,
    InvalidToken,
    UnknownMessageId,
}
