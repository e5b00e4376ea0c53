using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.AppHost.Infrastructure;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.EndToEnd;

/// <summary>
/// The AppHost's Laravel resource with a PHP stand-in (Debian php-cli): it finds the API through the discovery
/// variables and fetches the demo athlete's sleep, which the emulator, the connect flow and the sync put there.
/// </summary>
public sealed class LaravelDiscoveryTests
{
    [Fact]
    public async Task APhpAppFetchesAUsersSleepThroughTheDiscoveredEndpoint()
    {
        var dataDir = Directory.CreateTempSubdirectory("polarflow-laravel-").FullName;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PolarFlow_AppHost>(
            [
                "--PolarFlow:Infra=local",
                $"--PolarFlow:DataDir={dataDir}",
                $"--API_PORT={LocalServerBinaries.FreeTcpPort()}",
                $"--WEB_PORT={LocalServerBinaries.FreeTcpPort()}",
                "--Parameters:admin-api-key=laravel-test-admin-key-0123456789abcdef",
                $"--PolarFlow:Laravel:Path={Path.Combine(RepositoryRoot.Path, "PolarFlow.Tests", "EndToEnd", "LaravelStandIn")}",
                "--PolarFlow:Laravel:Args=-S 127.0.0.1:{port} router.php",
                "--PolarFlow:Laravel:HealthPath=/health",
            ], cts.Token);
            await using var app = await builder.BuildAsync(cts.Token);
            await app.StartAsync(cts.Token);
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.WaitForResourceHealthyAsync("laravel", cts.Token);
            await notifications.WaitForResourceHealthyAsync("syncworker", cts.Token);
            using var laravel = app.CreateHttpClient("laravel", "http");
            using var api = app.CreateHttpClient("apiservice", "http");

            // The demo athlete (connected through the emulator's OAuth flow at start-up) syncs within seconds.
            JsonElement answer = default;
            for (var attempt = 0; attempt < 60; attempt++)
            {
                answer = await laravel.GetFromJsonAsync<JsonElement>("/sleep?user=40000101", cts.Token);
                if (answer.GetProperty("sleep").ValueKind == JsonValueKind.Object && answer.GetProperty("sleep").GetProperty("count").GetInt32() > 0) break;
                await Task.Delay(1000, cts.Token);
            }

            Assert.Equal(api.BaseAddress!.ToString().TrimEnd('/'), answer.GetProperty("discovered").GetString());
            Assert.Contains("200", answer.GetProperty("status").GetString());
            Assert.InRange(answer.GetProperty("sleep").GetProperty("count").GetInt32(), 25, 30);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
