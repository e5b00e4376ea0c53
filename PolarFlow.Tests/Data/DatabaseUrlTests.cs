using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolarFlow.Data;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.Data;

/// <summary>The brief's DATABASE_URL forms, read the way libpq and SQLAlchemy read them.</summary>
public sealed class DatabaseUrlTests
{
    [Fact]
    public void TheBriefsUrlBecomesTheSameConnectionAsItsKeywords()
    {
        var built = Read("postgresql+asyncpg://polar:polar@postgres:5432/polar");
        Assert.Equal(("postgres", 5432, "polar", "polar", "polar"), (built.Host, built.Port, built.Username, built.Password, built.Database));
    }

    [Fact]
    public void EscapesDefaultsAndParametersAreRead()
    {
        var built = Read("postgres://app%40corp:p%40ss%2Fw%3Ard@db.example.com/health%20data?sslmode=require&Timeout=7");
        Assert.Equal(("db.example.com", 5432, "app@corp", "p@ss/w:rd", "health data"),
            (built.Host, built.Port, built.Username, built.Password, built.Database));
        Assert.Equal(SslMode.Require, built.SslMode);
        Assert.Equal(7, built.Timeout);
    }

    private static NpgsqlConnectionStringBuilder Read(string url) => new(DatabaseUrl.ToConnectionString(url));

    [Fact]
    public void AKeywordConnectionStringIsLeftAsItIs()
    {
        const string keywords = "Host=localhost;Port=5433;Username=postgres;Password=secret;Database=polarflow";
        Assert.Equal(keywords, DatabaseUrl.ToConnectionString(keywords));
    }

    [Theory]
    [InlineData("mysql://u:topsecret@h/db", "postgresql://")]
    [InlineData("postgresql://u:topsecret@h/db?nonsense=1", "nonsense")]
    [InlineData("postgresql://", "postgresql://user:password@host")]
    public void AWrongUrlSaysWhatIsWrongAndNeverRepeatsThePassword(string url, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseUrl.ToConnectionString(url));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("topsecret", error.Message);
    }
}

/// <summary>A service configured only with DATABASE_URL (no ConnectionStrings__polarflow) reaches its database.</summary>
public sealed class DatabaseUrlSettingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task AServiceGivenOnlyDatabaseUrlUsesIt()
    {
        var keywords = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var url = $"postgresql://{Uri.EscapeDataString(keywords.Username!)}:{Uri.EscapeDataString(keywords.Password ?? "")}"
            + $"@{keywords.Host}:{keywords.Port}/{Uri.EscapeDataString(keywords.Database!)}";
        using var host = DataHost.Build(new Dictionary<string, string?> { [DatabaseUrl.Setting] = url });
        using var scope = host.Services.CreateScope();
        var db = scope.DbContext();

        Assert.Equal(keywords.Database, db.Database.GetDbConnection().Database);
        Assert.True(await db.Database.CanConnectAsync());
    }
}
