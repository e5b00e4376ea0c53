using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// Commit → every replica answers with the new data: two ApiService processes on one database, both warm (the
/// version and the answer in their memory), then a sync-like commit that moves the user's data version, and each
/// replica asked in a tight loop until its `analytics/summary` carries the new version. The figure includes the
/// recomputation the new version needs; 20 commits, both replicas.
/// </summary>
public static class FreshnessBenchmark
{
    public static async Task MeasureAsync(string apiDll, TestDatabase database, ApiProcess first, string userId)
    {
        await using var second = await ApiProcess.StartAsync(apiDll, database);
        var replicas = new[] { first, second }.Select(api =>
        {
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{api.Port}") };
            client.DefaultRequestHeaders.Add("X-API-Key", ApiProcess.Key);
            return client;
        }).ToList();
        var path = $"/api/v1/users/{userId}/analytics/summary";
        async Task<long> VersionAsync(HttpClient client)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{client.BaseAddress}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("dataVersion").GetInt64();
        }
        foreach (var client in replicas) { await VersionAsync(client); await VersionAsync(client); }
        await Task.Delay(TimeSpan.FromSeconds(2)); // both feeds listening

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var delays = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            await using var bump = new NpgsqlCommand(
                "UPDATE polarflow.users SET data_version = data_version + 1 WHERE user_id = @u RETURNING data_version", connection);
            bump.Parameters.AddWithValue("u", userId);
            var version = (long)(await bump.ExecuteScalarAsync())!;
            var clock = Stopwatch.StartNew();
            var seen = await Task.WhenAll(replicas.Select(async client =>
            {
                while (await VersionAsync(client) < version)
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(10)) return double.PositiveInfinity;
                }
                return clock.Elapsed.TotalMilliseconds;
            }));
            delays.AddRange(seen);
            await Task.Delay(200);
        }
        foreach (var client in replicas) client.Dispose();
        delays.Sort();
        Console.WriteLine($"commit -> both replicas answer the new data version (20 commits x 2 replicas, recomputation included): "
            + $"median {delays[delays.Count / 2]:F1} ms, p95 {delays[(int)(delays.Count * 0.95)]:F1} ms, max {delays[^1]:F1} ms");
    }
}
