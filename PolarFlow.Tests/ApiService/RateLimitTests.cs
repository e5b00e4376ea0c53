using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>Per-key limits: a fresh API with 3 requests a minute per key.</summary>
public sealed class RateLimitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EachKeyHasItsOwnBudgetWithHeadersAnd429WithRetryAfter()
    {
        using var limited = api.WithWebHostBuilder(b => b.UseSetting("PolarFlow:RateLimit:PermitsPerMinute", "3"));
        // The window is a calendar minute: start early in one so the four requests share it.
        if (DateTime.UtcNow.Second >= 50) await Task.Delay(TimeSpan.FromSeconds(61 - DateTime.UtcNow.Second));
        using var admin = limited.CreateClient();
        admin.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.AdminKey);
        await admin.PostAsJsonAsync("/api/v1/users", new { UserId = "rate-user" }); // 1
        var created = await (await admin.PostAsJsonAsync("/api/v1/keys", new { Name = "rate", Kind = "user", UserId = "rate-user" })).Content.ReadFromJsonAsync<JsonElement>(); // 2
        var third = await admin.GetAsync("/api/v1/users/rate-user"); // 3
        var fourth = await admin.GetAsync("/api/v1/users/rate-user"); // over
        using var other = limited.CreateClient();
        other.DefaultRequestHeaders.Add("X-API-Key", created.GetProperty("key").GetString());
        var otherKey = await other.GetAsync("/api/v1/users/rate-user");

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal("0", third.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Equal("3", third.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.InRange(int.Parse(fourth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode); // another key, another budget
    }
}
