using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

public sealed class HealthEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task HealthIsHealthyOnceTheSchemaIsMigratedAndTheDependenciesAnswer()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        await using var db = factory.Database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task AliveAnswersWithoutCredentials()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownPathGetsAProblemDetailsBody()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DataProtectionKeepsItsKeyRingInTheDatabase()
    {
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("PolarFlow.Tests");

        var secret = protector.Protect("a Polar token");

        Assert.NotEqual("a Polar token", secret);
        Assert.Equal("a Polar token", protector.Unprotect(secret));
        await using var db = factory.Database.CreateDbContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }
}
