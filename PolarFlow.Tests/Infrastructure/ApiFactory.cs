using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PolarFlow.ApiService;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>
/// The real ApiService in memory, on its own fresh PostgreSQL database and the shared test Redis. Use one per
/// test class (IClassFixture) so classes never see each other's data.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<ApiServiceMarker>, IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public async Task InitializeAsync() => await Database.InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:polarflow", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:cache", Database.Servers.Redis);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
