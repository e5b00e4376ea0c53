using Microsoft.Extensions.Configuration;
using PolarFlow.AppHost.Infrastructure;

namespace PolarFlow.Tests.AppHost;

public sealed class LocalDataFolderTests
{
    private static IConfiguration Config(string? dataDir = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [LocalDataFolder.ConfigurationKey] = dataDir }).Build();

    [Fact]
    public void TheDefaultFolderIsPersistentAndNotUnderTmp()
    {
        var folder = LocalDataFolder.Resolve(Config(), "/home/someone/src/polarflow/PolarFlow.AppHost");

        Assert.False(folder.StartsWith(Path.GetTempPath(), StringComparison.Ordinal) || folder.StartsWith("/tmp/", StringComparison.Ordinal), folder);
        var expectedRoot = LocalServerBinaries.RunsAsRoot ? "/var/lib/polarflow/" : "/polarflow/";
        Assert.Contains(expectedRoot, folder);
    }

    [Fact]
    public void TwoCheckoutsGetTwoFoldersAndOneCheckoutAlwaysTheSame()
    {
        var first = LocalDataFolder.Resolve(Config(), "/src/a/polarflow/PolarFlow.AppHost");
        var again = LocalDataFolder.Resolve(Config(), "/src/a/polarflow/PolarFlow.AppHost");
        var other = LocalDataFolder.Resolve(Config(), "/src/b/polarflow/PolarFlow.AppHost");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.StartsWith("polarflow-", Path.GetFileName(first));
    }

    [Fact]
    public void TheConfiguredFolderWins() =>
        Assert.Equal("/srv/polarflow-data", LocalDataFolder.Resolve(Config("/srv/polarflow-data"), "/src/a/PolarFlow.AppHost"));

    [Fact]
    public void ThePasswordIsMadeOnceAndReadableOnlyByItsOwner()
    {
        var folder = Directory.CreateTempSubdirectory("polarflow-secret-").FullName;
        try
        {
            var first = LocalDataFolder.GetOrCreatePassword(folder);
            var second = LocalDataFolder.GetOrCreatePassword(folder);

            Assert.Equal(first, second);
            Assert.True(first.Length >= 32);
            var file = Directory.GetFiles(Path.Combine(folder, "secrets")).Single();
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
