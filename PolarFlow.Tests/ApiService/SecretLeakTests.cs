using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>Polar tokens and API keys never appear in plain text: not in any table, not in any log line at any level.</summary>
public sealed class SecretLeakTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AfterConnectingAndMakingKeysNoTokenOrKeyIsInTheDatabaseOrTheLogs()
    {
        var logs = new ConcurrentQueue<string>();
        using var logged = api.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Trace);
            l.AddProvider(new CapturingProvider(logs));
        })));
        using var admin = logged.CreateClient();
        admin.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.AdminKey);

        // The connect flow, as a browser would go through it.
        var url = (await (await admin.PostAsJsonAsync("/api/v1/users/leak-user/polar/authorize", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizationUrl").GetString()!;
        using var browser = api.Emulator.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var callback = (await browser.GetAsync(new Uri(url).PathAndQuery)).Headers.Location!;
        using var back = logged.CreateClient();
        (await back.GetAsync(callback.PathAndQuery)).EnsureSuccessStatusCode();
        var polarUserId = long.Parse((await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/leak-user/sync/status")).GetProperty("polarUserId").ToString(), System.Globalization.CultureInfo.InvariantCulture);
        // The token Polar (the emulator) issued for that account: it must not be found anywhere on our side.
        var token = api.Emulator.Services.GetRequiredService<PolarFlow.AccessLink.Emulator.State.EmulatorState>().FindUser(polarUserId)!.AccessToken;

        // A token imported the brief's way, and two keys.
        var imported = "imported-" + Guid.NewGuid().ToString("N");
        await admin.PutAsJsonAsync("/api/v1/users/leak-user-2/polar/token", new { AccessToken = imported });
        var serviceKey = (await (await admin.PostAsJsonAsync("/api/v1/keys", new { Name = "svc", Kind = "service" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var userKey = (await (await admin.PostAsJsonAsync("/api/v1/keys", new { Name = "usr", Kind = "user", UserId = "leak-user" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        using var withUserKey = logged.CreateClient();
        withUserKey.DefaultRequestHeaders.Add("X-API-Key", userKey);
        await withUserKey.GetAsync("/api/v1/users/leak-user/sleep");

        string[] secrets = [token, imported, serviceKey, userKey, ApiFactory.AdminKey];
        var rows = await AllRowsAsync();
        Assert.True(rows.Count > 5);
        Assert.NotEmpty(logs);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(rows, row => row.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    /// <summary>Every row of every table in the schema, as JSON text.</summary>
    private async Task<List<string>> AllRowsAsync()
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'polarflow'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM polarflow.\"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        return rows;
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);
        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} {state}");
        }
    }
}
