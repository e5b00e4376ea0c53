using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.Tests.Data;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>
/// A second MCP client that no one here wrote: the MCP Inspector's command-line mode (npm), against the ApiService on
/// a real port. It lists the tools (with `--strict`, its own check that every tool schema is portable across
/// clients) and calls one, whose answer must be the REST API's.
/// </summary>
public sealed class McpInspectorTests
{
    [Fact]
    public async Task TheMcpInspectorListsTheToolsWithPortableSchemasAndItsCallAnswersTheRestApisSummary()
    {
        await using var api = new ApiFactory();
        await ((IAsyncLifetime)api).InitializeAsync();
        api.UseKestrel(0);
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var userId = "inspector-" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = api.Database.CreateDbContext())
        {
            db.Users.Add(new PolarFlow.Data.Entities.PolarUser { UserId = userId });
            await db.SaveChangesAsync();
            await SyncedRecordSamples.ByTable["sleep"].UpsertAsync(db, userId, changed: false);
            await SyncedRecordSamples.ByTable["nightly_recharge"].UpsertAsync(db, userId, changed: false);
        }
        using var admin = api.CreateAdminClient();
        var key = await api.CreateKeyAsync("user", userId);
        await NodeTools.EnsureInstalledAsync("mcp-inspector", Path.Combine("@modelcontextprotocol", "inspector"));
        async Task<string> InspectAsync(params string[] args)
        {
            var run = await ProcessRunner.RunAsync("node",
                [Path.Combine("node_modules", "@modelcontextprotocol", "inspector", "clients", "launcher", "build", "index.js"), "--cli",
                 $"{address}/mcp", "--transport", "http", "--header", $"X-API-Key: {key}", .. args],
                workingDirectory: NodeTools.Folder("mcp-inspector"), timeout: TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, $"mcp-inspector {string.Join(' ', args)} exited {run.ExitCode}:\n{run.Output}");
            return run.Output;
        }

        var listed = await InspectAsync("--method", "tools/list", "--strict");
        var tools = FirstJson(listed)["tools"]!.AsArray()
            .Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("today_summary", tools);
        Assert.Contains("metric_series", tools);
        Assert.True(tools.Count >= 16, $"the Inspector saw {tools.Count} tools: {string.Join(", ", tools)}");

        var called = await InspectAsync("--method", "tools/call", "--tool-name", "today_summary");
        var result = FirstJson(called);
        var answer = JsonNode.Parse(result["content"]![0]!["text"]!.GetValue<string>())!;
        var rest = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/users/{userId}/analytics/summary"));
        Assert.True(JsonNode.DeepEquals(rest, answer["analytic"]), "the Inspector's answer is not the REST summary");
    }

    /// <summary>The JSON the Inspector prints first; `--strict` may follow it with portability warnings.</summary>
    private static JsonNode FirstJson(string output)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output[output.IndexOf('{')..]));
        return JsonNode.Parse(ref reader)!;
    }
}
