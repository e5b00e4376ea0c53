using System.Diagnostics;

namespace PolarFlow.Tests.Infrastructure;

public static class ApiHealth
{
    /// <summary>
    /// Until the API's /health says Healthy (PostgreSQL and Redis both answering): a loaded machine can miss the first
    /// 100 ms Redis ping, and a part that is not there yet answers 503.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(HttpClient api, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        while (await (await api.GetAsync("/health", ct)).Content.ReadAsStringAsync(ct) != "Healthy")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "/health did not say Healthy within 30 s");
            await Task.Delay(250, ct);
        }
    }
}
