using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PolarFlow.Tests.Infrastructure;

public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Runs a program to completion and returns its exit code with stdout and stderr together.</summary>
    public static async Task<Result> RunAsync(string program, IEnumerable<string> args, IDictionary<string, string>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in time.\n{await stdout}{await stderr}");
        }
        return new Result(process.ExitCode, await stdout + await stderr);
    }

    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int SigStop = 19;
    public const int SigCont = 18;

    /// <summary>Sends a Unix signal (Process.Kill only sends SIGKILL, which skips a server's clean shutdown).</summary>
    public static void Signal(int pid, int signal) => _ = kill(pid, signal);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
