using System.Diagnostics;
using ModelContextProtocol.Client;
using Npgsql;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// The summary for an athlete with five years stored, asked through MCP's `today_summary` and through
/// `GET …/analytics/summary`, side by side in one run against the ApiService (Release) as its own process: cold (the
/// user's data version moved just before, so nothing is cached) and warm (cached), alternating MCP and REST.
/// </summary>
public static class McpBenchmark
{
    private const int ColdRounds = 15;
    private const int WarmRounds = 200;

    public static async Task RunAsync(string apiDll)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var rows = await AnalyticsBenchmark.SeedAsync(database, today);
            await using var api = await ApiProcess.StartAsync(apiDll, database);
            using var rest = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{api.Port}") };
            rest.DefaultRequestHeaders.Add("X-API-Key", ApiProcess.Key);
            var http = new HttpClient { BaseAddress = rest.BaseAddress };
            http.DefaultRequestHeaders.Add("X-API-Key", ApiProcess.Key);
            await using var mcp = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(rest.BaseAddress, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp,
            }, http, ownsHttpClient: true));
            var arguments = new Dictionary<string, object?> { ["user_id"] = AnalyticsBenchmark.UserId };
            var path = $"/api/v1/users/{AnalyticsBenchmark.UserId}/analytics/summary";
            async Task Rest() => (await rest.GetAsync(path)).EnsureSuccessStatusCode();
            async Task Mcp()
            {
                var result = await mcp.CallToolAsync("today_summary", arguments);
                if (result.IsError == true) throw new InvalidOperationException("today_summary failed");
            }
            for (var i = 0; i < 5; i++) { await Rest(); await Mcp(); } // JIT and connections

            var (restCold, mcpCold) = (new List<double>(), new List<double>());
            for (var i = 0; i < ColdRounds; i++)
            {
                await MoveDataVersionAsync(database);
                restCold.Add(await TimeAsync(Rest));
                await MoveDataVersionAsync(database);
                mcpCold.Add(await TimeAsync(Mcp));
            }
            var (restWarm, mcpWarm) = (new List<double>(), new List<double>());
            for (var i = 0; i < WarmRounds; i++)
            {
                restWarm.Add(await TimeAsync(Rest));
                mcpWarm.Add(await TimeAsync(Mcp));
            }
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, "
                + $".NET {Environment.Version}; five years stored: {rows}");
            Console.WriteLine($"{"summary",-34} {"p50 (ms)",9} {"p95 (ms)",9}");
            Print("REST cold (data version moved)", restCold);
            Print("MCP today_summary cold", mcpCold);
            Print("REST warm (cached)", restWarm);
            Print("MCP today_summary warm", mcpWarm);
            Console.WriteLine($"MCP over REST, p50: cold {Median(mcpCold) - Median(restCold):+0.0;-0.0} ms, "
                + $"warm {Median(mcpWarm) - Median(restWarm):+0.0;-0.0} ms");
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>What a sync that changed rows does to the cache: the user's data version moves, so the next answer is computed.</summary>
    private static async Task MoveDataVersionAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE polarflow.users SET data_version = data_version + 1 WHERE user_id = @u", connection);
        command.Parameters.AddWithValue("u", AnalyticsBenchmark.UserId);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        await call();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Print(string label, List<double> values)
    {
        var sorted = values.Order().ToList();
        var p95 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.95) - 1)];
        Console.WriteLine($"{label,-34} {sorted[sorted.Count / 2],9:F1} {p95,9:F1}");
    }
}
