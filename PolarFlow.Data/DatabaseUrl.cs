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
        var scheme = value.Split("://", 2)[0];
        if (!value.Contains("://", StringComparison.Ordinal)) return value;
        if (scheme is not ("postgres" or "postgresql") && !scheme.StartsWith("postgresql+", StringComparison.Ordinal))
        {
            throw new FormatException($"A database URL starts with postgresql:// (or postgres://), not {scheme}://.");
        }
        if (!Uri.TryCreate("postgresql://" + value.Split("://", 2)[1], UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException("The database URL is not postgresql://user:password@host:port/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        var credentials = uri.UserInfo.Split(':', 2);
        if (credentials[0].Length > 0) builder.Username = Uri.UnescapeDataString(credentials[0]);
        if (credentials.Length == 2) builder.Password = Uri.UnescapeDataString(credentials[1]);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, setting) = (Uri.UnescapeDataString(pair.Split('=', 2)[0]), pair.Contains('=') ? Uri.UnescapeDataString(pair.Split('=', 2)[1]) : "");
            try
            {
                builder[key] = setting;
            }
            catch (ArgumentException)
            {
                throw new FormatException($"The database URL's parameter {key} is not an Npgsql connection-string keyword.");
            }
        }
        return builder.ConnectionString;
    }
}
