using Npgsql;

namespace PolarFlow.Data;

/// <summary>
/// The product brief's `DATABASE_URL` (`postgresql://user:password@host:5432/db`, also `postgres://` and SQLAlchemy's
/// `postgresql+asyncpg://`) as an Npgsql connection string; a connection string that is not a URL is left as it is.
/// Query parameters are Npgsql keywords (`?sslmode=require`). Errors never repeat the password.
/// </summary>
public static class DatabaseUrl
{
    public const string Setting = "DATABASE_URL";

    public static string ToConnectionString(string value)
    {
        var separator = value.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0) return value;
        var scheme = value[..separator];
        if (scheme is not ("postgres" or "postgresql") && !scheme.StartsWith("postgresql+", StringComparison.Ordinal))
        {
            throw new FormatException($"A database URL starts with postgresql:// (or postgres://), not {scheme}://.");
        }
        if (!Uri.TryCreate("postgresql" + value[separator..], UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException("The database URL is not postgresql://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432 };
        var (user, password) = Split(uri.UserInfo, ':');
        if (user.Length > 0) builder.Username = user;
        if (password is not null) builder.Password = password;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, setting) = Split(pair, '=');
            try
            {
                builder[key] = setting ?? "";
            }
            catch (ArgumentException)
            {
                throw new FormatException($"The database URL's parameter {key} is not an Npgsql connection-string keyword.");
            }
        }
        return builder.ConnectionString;
    }

    /// <summary>`a=b` (or `a:b`) as its two unescaped halves; the second is null when there is no separator.</summary>
    private static (string First, string? Second) Split(string text, char separator)
    {
        var at = text.IndexOf(separator);
        return at < 0 ? (Uri.UnescapeDataString(text), null)
            : (Uri.UnescapeDataString(text[..at]), Uri.UnescapeDataString(text[(at + 1)..]));
    }
}
