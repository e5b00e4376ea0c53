using Microsoft.Extensions.Configuration;

namespace PolarFlow.AppHost.Infrastructure;

/// <summary>
/// Where the services find Polar. With `Parameters:polar-client-id` and `polar-client-secret` set (or when
/// publishing, where they become deployment parameters): the real AccessLink. Without them: the AccessLink
/// emulator runs as a resource and the services are pointed at it.
/// </summary>
public static class PolarSource
{
    public const string EmulatorClientId = "polarflow-emulator";
    public const string EmulatorClientSecret = "emulator-secret";

    /// <param name="Apply">Gives a service the Polar settings (and, with the emulator, waits for it).</param>
    /// <param name="Emulated">True when the services talk to the emulator.</param>
    public sealed record Wiring(Action<IResourceBuilder<ProjectResource>> Apply, bool Emulated);

    public static Wiring Add(IDistributedApplicationBuilder builder)
    {
        var configured = !string.IsNullOrWhiteSpace(builder.Configuration["Parameters:polar-client-id"]);
        if (configured || builder.ExecutionContext.IsPublishMode)
        {
            var clientId = builder.AddParameter("polar-client-id");
            var clientSecret = builder.AddParameter("polar-client-secret", secret: true);
            return new Wiring(service => service.WithEnvironment("Polar__ClientId", clientId).WithEnvironment("Polar__ClientSecret", clientSecret), false);
        }

        // No launch profile: a free port, so two checkouts' emulators never collide.
        var emulator = builder.AddProject<Projects.PolarFlow_AccessLink_Emulator>("accesslink-emulator", launchProfileName: null)
            .WithHttpEndpoint(name: "http")
            .WithEnvironment("Emulator__ClientId", EmulatorClientId)
            .WithEnvironment("Emulator__ClientSecret", EmulatorClientSecret)
            // Not Polar's behaviour, and documented as such: a year of history and wide windows, so the first
            // run shows long-term analytics.
            .WithEnvironment("Emulator__HistoryDays", "400")
            .WithEnvironment("Emulator__DemoWindowDays", "400")
            .WithHttpHealthCheck("/");
        var url = emulator.GetEndpoint("http");
        return new Wiring(service => service
            .WithEnvironment("Polar__ClientId", EmulatorClientId)
            .WithEnvironment("Polar__ClientSecret", EmulatorClientSecret)
            .WithEnvironment("Polar__BaseUrl", url)
            .WithEnvironment("Polar__AuthorizationUrl", ReferenceExpression.Create($"{url}/oauth2/authorization"))
            .WithEnvironment("Polar__TokenUrl", ReferenceExpression.Create($"{url}/v2/oauth2/token"))
            .WaitFor(emulator), true);
    }
}
