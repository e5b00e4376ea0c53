using System.Net.Http.Json;
using System.Text.Json;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>Waits, through the API as a client would, until a user's current sync job has succeeded.</summary>
public static class SyncStatusWaiter
{
    public static async Task WaitForSucceededAsync(HttpClient api, string userId, string what, CancellationToken ct, int seconds = 180)
    {
        for (var attempt = 0; attempt < seconds; attempt++)
        {
            var response = await api.GetAsync($"/api/v1/users/{userId}/sync/status", ct);
            if (response.IsSuccessStatusCode)
            {
                var status = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                if (status.GetProperty("currentJob") is { ValueKind: JsonValueKind.Object } job
                    && job.GetProperty("status").GetString() == "Succeeded")
                {
                    return;
                }
            }
            await Task.Delay(1000, ct);
        }
        throw new TimeoutException($"{what}'s first sync did not finish.");
    }
}
