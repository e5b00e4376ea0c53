using PolarFlow.AccessLink.Models;

namespace PolarFlow.AccessLink;

/// <summary>The legacy transaction flows (deprecated by Polar, still served): create, list, get, commit.</summary>
public sealed partial class AccessLinkClient
{
    /// <summary>Opens a transaction; null when there is no new data (204).</summary>
    public Task<TransactionCreated?> CreateTransactionAsync(string token, long polarUserId, TransactionFamily family, CancellationToken ct = default) =>
        SendOneAsync<TransactionCreated>(HttpMethod.Post, token, $"/v3/users/{polarUserId}/{family.Path}", ct);

    /// <summary>The item URLs of an open transaction (at most 50).</summary>
    public async Task<List<string>> ListTransactionItemsAsync(string token, long polarUserId, TransactionFamily family, long transactionId, CancellationToken ct = default)
    {
        var items = await GetOneAsync<Dictionary<string, List<string>>>(token, $"/v3/users/{polarUserId}/{family.Path}/{transactionId}", NoContent, ct);
        return items?.GetValueOrDefault(family.ListKey) ?? [];
    }

    /// <summary>Commits: the items are deleted at Polar and never come back.</summary>
    public async Task CommitTransactionAsync(string token, long polarUserId, TransactionFamily family, long transactionId, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Put, token, $"/v3/users/{polarUserId}/{family.Path}/{transactionId}");
        (await _transport.SendAsync(request, NoContent, ct))?.Dispose();
    }

    public Task<LegacyExercise?> GetTransactionExerciseAsync(string token, string itemUrl, CancellationToken ct = default) =>
        GetOneAsync<LegacyExercise>(token, Relative(itemUrl), NotFound, ct);

    public async Task<List<HeartRateZone>> GetTransactionExerciseZonesAsync(string token, string itemUrl, CancellationToken ct = default) =>
        (await GetOneAsync<LegacyHeartRateZones>(token, Relative(itemUrl) + "/heart-rate-zones", NoContentOrNotFound, ct))?.Zone ?? [];

    public async Task<List<string>> ListTransactionExerciseSamplesAsync(string token, string itemUrl, CancellationToken ct = default) =>
        (await GetOneAsync<LegacySampleList>(token, Relative(itemUrl) + "/samples", NoContentOrNotFound, ct))?.Samples ?? [];

    public Task<ExerciseSamples?> GetTransactionExerciseSampleAsync(string token, string sampleUrl, CancellationToken ct = default) =>
        GetOneAsync<ExerciseSamples>(token, Relative(sampleUrl), NoContentOrNotFound, ct);

    /// <summary>`fit`, `tcx` or `gpx` of a transaction's exercise; null when there is none.</summary>
    public Task<byte[]?> GetTransactionExerciseFileAsync(string token, string itemUrl, string format, CancellationToken ct = default) =>
        GetBytesAsync(token, Relative(itemUrl) + "/" + format, ct);

    public Task<LegacyActivity?> GetTransactionActivityAsync(string token, string itemUrl, CancellationToken ct = default) =>
        GetOneAsync<LegacyActivity>(token, Relative(itemUrl), NotFound, ct);

    public Task<LegacyStepSamples?> GetTransactionStepSamplesAsync(string token, string itemUrl, CancellationToken ct = default) =>
        GetOneAsync<LegacyStepSamples>(token, Relative(itemUrl) + "/step-samples", NoContentOrNotFound, ct);

    public Task<LegacyZoneSamples?> GetTransactionZoneSamplesAsync(string token, string itemUrl, CancellationToken ct = default) =>
        GetOneAsync<LegacyZoneSamples>(token, Relative(itemUrl) + "/zone-samples", NoContentOrNotFound, ct);

    public Task<LegacyPhysicalInfo?> GetTransactionPhysicalInfoAsync(string token, string itemUrl, CancellationToken ct = default) =>
        GetOneAsync<LegacyPhysicalInfo>(token, Relative(itemUrl), NotFound, ct);

    private async Task<T?> SendOneAsync<T>(HttpMethod method, string token, string path, CancellationToken ct) where T : class
    {
        using var request = Request(method, token, path);
        return await _transport.SendJsonAsync(request, NoContent, ct) is { } json ? AccessLinkTransport.Read<T>(json) : null;
    }
}
