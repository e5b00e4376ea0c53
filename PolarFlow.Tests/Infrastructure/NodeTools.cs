namespace PolarFlow.Tests.Infrastructure;

/// <summary>
/// The Node.js tools the tests use (tools/fit-check: Garmin's FIT SDK; tools/openapi-lint: Redocly's CLI), each
/// pinned by its lock file and installed once with `npm ci` (npm is reachable wherever the tests run).
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim Lock = new(1, 1);

    public static string Folder(string tool) => Path.Combine(RepositoryRoot.Path, "tools", tool);

    public static async Task EnsureInstalledAsync(string tool, string probe)
    {
        await Lock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder(tool), "node_modules", probe))) return;
            var install = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], workingDirectory: Folder(tool), timeout: TimeSpan.FromMinutes(3));
            Assert.True(install.ExitCode == 0, $"npm ci in tools/{tool} failed:\n{install.Output}");
        }
        finally
        {
            Lock.Release();
        }
    }
}
