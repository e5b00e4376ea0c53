namespace PolarFlow.AppHost.Infrastructure;

public static class InfrastructureModeResolver
{
    public const string ConfigurationKey = "PolarFlow:Infra";

    public static InfrastructureMode Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? InfrastructureMode.Auto
        : Enum.TryParse<InfrastructureMode>(value.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode
        : throw new DistributedApplicationException(
            $"{ConfigurationKey} is '{value}', which is not a mode. Use one of: auto, containers, local, external.");

    /// <summary>
    /// Publishing always describes containers, so the manifest does not depend on this machine. `auto` takes
    /// containers when a runtime answers, else the local servers, else stops with what to install.
    /// </summary>
    public static InfrastructureMode Resolve(
        InfrastructureMode requested, bool isPublishMode, Func<bool> containerRuntimeAnswers, Func<LocalServerBinaries.Search> findLocalServers)
    {
        if (isPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        if (requested == InfrastructureMode.Local)
        {
            var search = findLocalServers();
            return search.Binaries is not null ? InfrastructureMode.Local : throw new DistributedApplicationException(
                $"{ConfigurationKey}=local, but {string.Join(" and ", search.Missing)} could not be found. {InstallAdvice}");
        }

        if (requested != InfrastructureMode.Auto)
        {
            return requested;
        }

        if (containerRuntimeAnswers())
        {
            return InfrastructureMode.Containers;
        }

        var local = findLocalServers();
        return local.Binaries is not null ? InfrastructureMode.Local : throw new DistributedApplicationException(
            "PolarFlow needs PostgreSQL and Redis, and found neither a container runtime that answers (docker, podman) " +
            $"nor the local servers ({string.Join(" and ", local.Missing)} missing). {InstallAdvice}");
    }

    public const string InstallAdvice =
        "On Debian or Ubuntu install the servers with `sudo apt-get install -y postgresql redis-server` " +
        "(./run.sh does this for you when it can), or start Docker or Podman, " +
        $"or point {ConfigurationKey}=external at existing servers with ConnectionStrings__polarflow and ConnectionStrings__cache.";
}
