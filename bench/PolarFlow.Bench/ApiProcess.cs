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

    /// <summary>The server's resident memory now and at its peak (Linux /proc), in MiB.</summary>
    public (double Now, double Peak) MemoryMiB()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Field(string name) => long.Parse(status.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        return (Field("VmRSS"), Field("VmHWM"));
    }

    public static async Task<ApiProcess> StartAsync(string apiDll, TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = PolarFlow.AppHost.Infrastructure.LocalServerBinaries.FreeTcpPort();
        var start = new ProcessStartInfo("dotnet", [apiDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__polarflow"] = database.ConnectionString,
                ["ConnectionStrings__cache"] = database.Servers.Redis, ["PolarFlow__AdminApiKey"] = Key,
                ["PolarFlow__RateLimit__PermitsPerMinute"] = "100000000", ["Polar__ClientId"] = "bench", ["Polar__ClientSecret"] = "bench",
                ["PolarFlow__Redis__KeyPrefix"] = "bench-" + Guid.NewGuid().ToString("N"), ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
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
