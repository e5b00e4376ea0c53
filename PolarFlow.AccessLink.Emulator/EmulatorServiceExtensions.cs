using Microsoft.Extensions.Options;
using PolarFlow.AccessLink.Emulator.Endpoints;
using PolarFlow.AccessLink.Emulator.Faults;
using PolarFlow.AccessLink.Emulator.State;

namespace PolarFlow.AccessLink.Emulator;

public static class EmulatorServiceExtensions
{
    public static WebApplicationBuilder AddEmulatorServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmulatorOptions>().BindConfiguration(EmulatorOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EmulatorClock>();
        builder.Services.AddSingleton<EmulatorState>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddSingleton<CallCounter>();
        builder.Services.AddSingleton<FaultSettings>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<DemoUserSeeder>();
        return builder;
    }
}

/// <summary>Registers the configured demo athlete at start, so a first run has a connected user with data.</summary>
public sealed class DemoUserSeeder(EmulatorState state, IOptions<EmulatorOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoAccessToken is { Length: > 0 } token)
        {
            var user = state.CreateUser(options.Value.DemoPolarUserId, token);
            user.RegisteredAt ??= state.Clock.UtcNow.AddDays(-options.Value.Window(30));
            user.MemberId ??= "polarflow-demo";
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
