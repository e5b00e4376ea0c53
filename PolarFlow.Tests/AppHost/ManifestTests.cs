using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.AppHost;

public sealed class ManifestTests
{
    [Fact]
    public async Task TheCommittedManifestIsWhatThePublishScriptProduces()
    {
        // Written beside the committed file: the manifest's project paths are relative to its own folder.
        var fresh = Path.Combine(RepositoryRoot.Path, $".manifest-check-{Guid.NewGuid():N}.json");
        try
        {
            var result = await ProcessRunner.RunAsync("bash", ["scripts/publish-manifest.sh", fresh],
                new Dictionary<string, string> { ["CONFIGURATION"] = RepositoryRoot.BuildConfiguration, ["NO_BUILD"] = "1" });
            Assert.True(result.ExitCode == 0, result.Output);

            var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "aspire-manifest.json"));
            Assert.True(committed == await File.ReadAllTextAsync(fresh),
                "aspire-manifest.json is out of date: run scripts/publish-manifest.sh and commit the result.");
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    [Fact]
    public async Task TheManifestDescribesContainersWhateverTheLocalMode()
    {
        var manifest = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "aspire-manifest.json"));

        Assert.Contains("\"image\": \"docker.io/library/postgres:", manifest);
        Assert.Contains("\"image\": \"docker.io/library/redis:", manifest);
        Assert.DoesNotContain("executable.v0", manifest);
        Assert.DoesNotContain("/var/lib/polarflow", manifest);
    }
}
