using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;
using System.Text;

namespace PolarFlow.AppHost.Infrastructure;

/// <summary>
/// Where local mode keeps its servers' data: persistent, per user and per checkout (never /tmp), so a restart
/// keeps the data and two checkouts do not share a cluster. `PolarFlow:DataDir` overrides it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class LocalDataFolder
{
    public const string ConfigurationKey = "PolarFlow:DataDir";

    public static string Resolve(IConfiguration configuration, string appHostDirectory)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        // root's home is closed to the postgres user the server runs as, so root keeps data under /var/lib.
        var root = LocalServerBinaries.RunsAsRoot
            ? "/var/lib/polarflow"
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "polarflow");

        var checkout = Path.GetFullPath(Path.Combine(appHostDirectory, ".."));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(checkout)))[..8];
        return Path.Combine(root, $"{Path.GetFileName(checkout)}-{hash}");
    }

    /// <summary>
    /// The local servers' password: made once, kept in the data folder readable by this user only, so the
    /// cluster is not open to every account on the machine.
    /// </summary>
    public static string GetOrCreatePassword(string folder)
    {
        var secrets = Path.Combine(folder, "secrets");
        Directory.CreateDirectory(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var file = Path.Combine(secrets, "local-servers-password");
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(file, password);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }
}
