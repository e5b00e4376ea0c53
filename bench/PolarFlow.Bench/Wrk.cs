using System.Text.RegularExpressions;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>wrk (a standard HTTP load generator) with the admin key: 2 threads, 32 connections, a warm-up, then the measured run.</summary>
public static partial class Wrk
{
    public sealed record Figures(string RequestsPerSecond, string P50, string P99, string NonSuccess)
    {
        public override string ToString() => $"{RequestsPerSecond,10} req/s   p50 {P50,9}   p99 {P99,9}   non-2xx: {NonSuccess}";
    }

    public static async Task<Figures> MeasureAsync(int port, string path, TimeSpan warmUp, TimeSpan duration, string? script = null)
    {
        if (warmUp > TimeSpan.Zero) await RunAsync(port, path, warmUp, script);
        var output = await RunAsync(port, path, duration, script);
        return new Figures(Field(output, RequestsPerSecond()), Percentile(output, "50"), Percentile(output, "99"),
            NonSuccess().Match(output) is { Success: true } m ? m.Groups[1].Value : "0");
    }

    private static async Task<string> RunAsync(int port, string path, TimeSpan duration, string? script)
    {
        List<string> args = ["-t2", "-c32", $"-d{(int)duration.TotalSeconds}s", "--latency", "-H", $"X-API-Key: {ApiProcess.Key}"];
        if (script is not null) args.AddRange(["-s", script]);
        args.Add($"http://127.0.0.1:{port}{path}");
        var result = await ProcessRunner.RunAsync("wrk", args, timeout: duration + TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0) throw new InvalidOperationException("wrk failed (install it: apt-get install wrk):\n" + result.Output);
        return result.Output;
    }

    private static string Field(string output, Regex pattern) => pattern.Match(output) is { Success: true } m ? m.Groups[1].Value : "?";

    private static string Percentile(string output, string p) =>
        Regex.Match(output, $@"^\s*{p}%\s+(\S+)", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : "?";

    [GeneratedRegex(@"Requests/sec:\s+(\S+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
