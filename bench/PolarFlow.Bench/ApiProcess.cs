using System.Diagnostics;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>The ApiService (Release) as its own Kestrel process on the benchmark's database and Redis, ready when /health answers.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string Key = "bench-admin-key-0123456789abcdef-0123";

    private readonly Process _process;

    private ApiProcess(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public static async Task<ApiProcess> StartAsync(string apiDll, TestDatabase database)
    {
        var port = PolarFlow.AppHost.Infrastructure.LocalServerBinaries.FreeTcpPort();
        var process = Process.Start(new ProcessStartInfo("dotnet", [apiDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__polarflow"] = database.ConnectionString,
                ["ConnectionStrings__cache"] = database.Servers.Redis, ["PolarFlow__AdminApiKey"] = Key,
                ["PolarFlow__RateLimit__PermitsPerMinute"] = "100000000", ["Polar__ClientId"] = "bench", ["Polar__ClientSecret"] = "bench",
                ["PolarFlow__Redis__KeyPrefix"] = "bench-" + Guid.NewGuid().ToString("N"), ["Logging__LogLevel__Default"] = "Warning",
            },
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var i = 0; i < 100 && !(await TryGet(http, "/health")); i++) await Task.Delay(300);
        return new ApiProcess(process, port);
    }

    public ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> TryGet(HttpClient http, string path)
    {
        try { return (await http.GetAsync(path)).IsSuccessStatusCode; }
        catch (HttpRequestException) { return false; }
    }
}
