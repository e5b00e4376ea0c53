using Aspire.Hosting;
using PolarFlow.AppHost.Infrastructure;

namespace PolarFlow.Tests.AppHost;

public sealed class InfrastructureModeResolverTests
{
    private static readonly LocalServerBinaries.Search Found = new(new LocalServerBinaries("/usr/lib/postgresql/15/bin", "/usr/bin/redis-server"), []);
    private static readonly LocalServerBinaries.Search NotFound = new(null, ["PostgreSQL's initdb/postgres", "redis-server"]);

    [Theory]
    [InlineData(null, InfrastructureMode.Auto)]
    [InlineData("", InfrastructureMode.Auto)]
    [InlineData("local", InfrastructureMode.Local)]
    [InlineData("Containers", InfrastructureMode.Containers)]
    [InlineData(" external ", InfrastructureMode.External)]
    public void ParseAcceptsEveryModeNameInAnyCase(string? value, InfrastructureMode expected) =>
        Assert.Equal(expected, InfrastructureModeResolver.Parse(value));

    [Theory]
    [InlineData("docker")]
    [InlineData("7")]
    public void ParseRejectsAnUnknownModeAndListsTheValidOnes(string value)
    {
        var error = Assert.Throws<DistributedApplicationException>(() => InfrastructureModeResolver.Parse(value));
        Assert.Contains("auto, containers, local, external", error.Message);
    }

    [Fact]
    public void AutoTakesContainersWhenARuntimeAnswers() =>
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeResolver.Resolve(InfrastructureMode.Auto, false, () => true, () => Found));

    [Fact]
    public void AutoFallsBackToLocalServersWhenNoRuntimeAnswers() =>
        Assert.Equal(InfrastructureMode.Local, InfrastructureModeResolver.Resolve(InfrastructureMode.Auto, false, () => false, () => Found));

    [Fact]
    public void AutoWithNeitherSaysExactlyWhatToInstall()
    {
        var error = Assert.Throws<DistributedApplicationException>(() =>
            InfrastructureModeResolver.Resolve(InfrastructureMode.Auto, false, () => false, () => NotFound));

        Assert.Contains("apt-get install -y postgresql redis-server", error.Message);
        Assert.Contains("redis-server", error.Message);
        Assert.Contains("Docker", error.Message);
    }

    [Fact]
    public void LocalWithoutTheServersSaysWhatIsMissing()
    {
        var error = Assert.Throws<DistributedApplicationException>(() =>
            InfrastructureModeResolver.Resolve(InfrastructureMode.Local, false, () => true, () => NotFound));

        Assert.Contains("PostgreSQL's initdb/postgres and redis-server could not be found", error.Message);
    }

    [Theory]
    [InlineData(InfrastructureMode.Auto)]
    [InlineData(InfrastructureMode.Local)]
    [InlineData(InfrastructureMode.External)]
    public void PublishingAlwaysDescribesContainers(InfrastructureMode requested)
    {
        var probed = false;
        var mode = InfrastructureModeResolver.Resolve(requested, isPublishMode: true, () => probed = true, () => NotFound);

        Assert.Equal(InfrastructureMode.Containers, mode);
        Assert.False(probed, "publishing must not depend on this machine's container runtime");
    }
}
