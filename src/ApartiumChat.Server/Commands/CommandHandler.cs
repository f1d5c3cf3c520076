using ApartiumChat.Protocol;
using ApartiumChat.Server.Node;

namespace ApartiumChat.Server.Commands;

/// <summary>One IRC command. Handlers run on their connection's read loop, one at a time, and never block.</summary>
internal abstract class CommandHandler
{
    /// <summary>The command, upper case.</summary>
    public abstract string Name { get; }

    /// <summary>Parameters below which the connection answers 461 ERR_NEEDMOREPARAMS without calling the handler.</summary>
    public virtual int MinimumParameters => 0;

    public virtual bool AllowedBeforeRegistration => false;

    public abstract void Handle(ClientConnection client, IrcMessage message);
}
