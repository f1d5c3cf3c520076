using System.Reflection;

namespace ApartiumChat.Server.Node;

/// <summary>The version string the server reports (002, 004, VERSION).</summary>
internal static class ServerVersion
{
    public static string Current { get; } =
        "apartium-" + (typeof(ServerVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");
}
