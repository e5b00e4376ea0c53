using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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

    /// <summary>What `azd` needs to deploy a system that works (Container Apps), read from the committed manifest.</summary>
    [Fact]
    public async Task TheManifestGivesAzdWhatAWorkingDeploymentNeeds()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "aspire-manifest.json"));
        var resources = JsonNode.Parse(text)!["resources"]!.AsObject();
        string? Type(string name) => resources[name]?["type"]?.GetValue<string>();

        // Only what azd deploys: no executables (the local servers, Laravel, the emulator), no local paths.
        string[] deployable = ["container.v0", "project.v0", "parameter.v0", "value.v0", "annotated.string"];
        Assert.All(resources, r => Assert.Contains(Type(r.Key), deployable));
        foreach (var local in new[] { "/var/lib/", "/home/", "/root/", "/tmp/", "polarflow/main-" }) Assert.DoesNotContain(local, text);
        var projects = resources.Where(r => Type(r.Key) == "project.v0").ToList();
        Assert.All(projects, r => Assert.False(Path.IsPathRooted(r.Value!["path"]!.GetValue<string>())));

        // Reachable from outside: the API (REST, Laravel, Polar's OAuth callback and webhooks) and the dashboard.
        foreach (var name in new[] { "apiservice", "web" })
        {
            Assert.True(resources[name]!["bindings"]!["http"]!["external"]?.GetValue<bool>(), name);
        }
        Assert.Null(resources["syncworker"]!["bindings"]!["http"]!["external"]);

        // PostgreSQL is an existing server (a container's volume crash-loops on Azure Files); no volume anywhere.
        Assert.Equal("parameter.v0", Type("polarflow"));
        Assert.DoesNotContain("postgres:", text);
        Assert.DoesNotContain("\"volumes\"", text);

        // Public addresses are parameters, not the containers' internal ones.
        var api = resources["apiservice"]!["env"]!;
        Assert.Equal("{public-base-url.value}", api["PolarFlow__PublicBaseUrl"]!.GetValue<string>());
        Assert.Equal("{dashboard-public-url.value}", api["PolarFlow__DashboardUrl"]!.GetValue<string>());
        var web = resources["web"]!["env"]!;
        Assert.Equal("{dashboard-public-url.value}", web["PolarFlow__Web__PublicUrl"]!.GetValue<string>());

        // Every secret comes from a secret parameter, never a literal in the file.
        var secrets = new Regex("(Key|Secret|Password|ConnectionStrings__polarflow)$", RegexOptions.IgnoreCase);
        var seen = new HashSet<string>();
        foreach (var (name, resource) in projects)
        {
            foreach (var (variable, value) in resource!["env"]!.AsObject().Where(e => secrets.IsMatch(e.Key)))
            {
                seen.Add(variable);
                var reference = Regex.Match(value!.GetValue<string>(), @"^\{([a-z0-9-]+)\.(value|connectionString)\}$");
                Assert.True(reference.Success, $"{name}'s {variable} is not a parameter");
                var secret = resources[reference.Groups[1].Value]!["inputs"]?["value"]?["secret"]?.GetValue<bool>();
                Assert.True(secret, $"{name}'s {variable} comes from {reference.Groups[1].Value}, not a secret parameter");
            }
        }
        Assert.Superset(new HashSet<string>
        {
            "ConnectionStrings__polarflow", "PolarFlow__AdminApiKey", "PolarFlow__WebApiKey", "Polar__ClientSecret",
            "PolarFlow__KeyRingEncryptionKey", "CACHE_PASSWORD",
        }, seen);
    }
}
