using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

public sealed class DeploymentModeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void SaasRefusesToStartWithoutItsSecretsAndSaysWhich()
    {
        var message = StartupRefusal(b =>
        {
            b.UseSetting("DEPLOYMENT_MODE", "saas");
            b.UseSetting("PolarFlow:AdminApiKey", "short");
            b.UseSetting("PolarFlow:ReturnUrlAllowList:0", "");
        });

        Assert.Contains("DEPLOYMENT_MODE=saas needs", message);
        Assert.Contains("PolarFlow:AdminApiKey", message);
        Assert.Contains("PolarFlow:KeyRingEncryptionKey", message);
    }

    [Fact]
    public async Task WithAKeyRingKeyTheKeyRingIsEncryptedAtRestAndTokensStillRoundTrip()
    {
        var keyRingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var own = new ApiFactory();
        await own.InitializeAsync();
        using var encrypted = own.WithWebHostBuilder(b => b.UseSetting("PolarFlow:KeyRingEncryptionKey", keyRingKey));
        using var admin = encrypted.CreateClient();
        admin.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/users/ring-user/polar/token", new { AccessToken = "token-under-the-ring" })).StatusCode);

        await using var db = own.Database.CreateDbContext();
        var ring = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DataProtectionKeys);
        Assert.NotEmpty(ring);
        Assert.All(ring, k => Assert.Contains("polarflowEncryptedKey", k.Xml));
        Assert.All(ring, k => Assert.DoesNotContain("<masterKey", k.Xml));
        var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.UserId == "ring-user");
        var protector = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PolarFlow.Data.PolarTokenProtector>(encrypted.Services);
        Assert.Equal("token-under-the-ring", protector.Unprotect(user.EncryptedAccessToken!));
    }

    [Fact]
    public void AnUnknownModeIsRefused()
    {
        Assert.Contains("use self_hosted or saas", StartupRefusal(b => b.UseSetting("DEPLOYMENT_MODE", "cloud")));
    }

    /// <summary>
    /// What a host that refuses to start says. WebApplicationFactory sometimes reports a failed start as an
    /// ObjectDisposedException (the entry point disposes the host while the factory still reads its services,
    /// dotnet/aspnetcore#33494), so a fresh factory is tried again until the refusal itself is seen.
    /// </summary>
    private string StartupRefusal(Action<IWebHostBuilder> configure)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = api.WithWebHostBuilder(configure);
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            if (error is not ObjectDisposedException || attempt == 5) return error.ToString();
        }
    }

    [Fact]
    public async Task SaasChecksReturnUrlsAndNeedsTheCallersUserIds()
    {
        using var saas = api.WithWebHostBuilder(b =>
        {
            b.UseSetting("DEPLOYMENT_MODE", "saas");
            b.UseSetting("PolarFlow:KeyRingEncryptionKey", Convert.ToBase64String(new byte[32]));
        });
        using var admin = saas.CreateClient();
        admin.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.AdminKey);

        var listed = await admin.PostAsJsonAsync("/api/v1/users/tenant-7/polar/authorize", new { ReturnUrl = "https://app.example.com/done" });
        var unlisted = await admin.PostAsJsonAsync("/api/v1/users/tenant-7/polar/authorize", new { ReturnUrl = "https://evil.example.net/" });
        var anonymousAccount = await admin.PostAsync("/api/v1/polar/authorize", null);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unlisted.StatusCode);
        Assert.Contains("returnUrl", await unlisted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, anonymousAccount.StatusCode);
    }

    /// <summary>
    /// The AppHost's Laravel app: its generated key is a service key (any user, not the admin's powers), and the
    /// connect flow may return to its address without an allow-list entry, but not to a look-alike host.
    /// </summary>
    [Fact]
    public async Task TheFrontEndsConfiguredServiceKeyServesAnyUserAndItsAddressMayBeReturnedTo()
    {
        const string serviceKey = "front-end-service-key-0123456789abcdef";
        using var saas = api.WithWebHostBuilder(b =>
        {
            b.UseSetting("DEPLOYMENT_MODE", "saas");
            b.UseSetting("PolarFlow:KeyRingEncryptionKey", Convert.ToBase64String(new byte[32]));
            b.UseSetting("PolarFlow:ServiceApiKey", serviceKey);
            b.UseSetting("PolarFlow:FrontEndUrl", "http://localhost:7777");
        });
        using var laravel = saas.CreateClient();
        laravel.DefaultRequestHeaders.Add("X-API-Key", serviceKey);

        var created = await laravel.PostAsJsonAsync("/api/v1/users", new { UserId = "laravel-41" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laravel.GetAsync("/api/v1/users/laravel-41")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await laravel.GetAsync("/api/v1/polar/webhook")).StatusCode); // admin only

        const string authorize = "/api/v1/users/laravel-41/polar/authorize";
        var back = await laravel.PostAsJsonAsync(authorize, new { ReturnUrl = "http://localhost:7777/dashboard" });
        var lookAlike = await laravel.PostAsJsonAsync(authorize, new { ReturnUrl = "http://localhost:77770/dashboard" });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lookAlike.StatusCode);

        using var stranger = saas.CreateClient();
        stranger.DefaultRequestHeaders.Add("X-API-Key", serviceKey[..^1] + "X");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/users/laravel-41")).StatusCode);
    }
}
