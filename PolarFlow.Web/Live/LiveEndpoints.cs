using System.Text.Json;
using PolarFlow.Web.Services;

namespace PolarFlow.Web.Live;

/// <summary>
/// Live progress as server-sent events: the web polls the API once a second and streams what changed to the page
/// (js/live.js), until the sync or import has ended. No WebSocket, no reload.
/// </summary>
public static class LiveEndpoints
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AtMost = TimeSpan.FromMinutes(30);

    public static void MapLiveEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder user)
    {
        user.MapGet("/live/sync", (string userId, AccountClient account, HttpContext context) =>
            StreamAsync(context, async ct =>
            {
                var status = await account.SyncStatusAsync(userId, ct);
                var job = status.CurrentJob;
                var done = job is null || job.Status is not ("Queued" or "Running");
                var types = status.DataTypes.Select(c => new
                {
                    c.DataType,
                    lastSuccessAt = Components.Shared.Fmt.When(c.LastSuccessAt),
                    newestDate = c.NewestDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    state = c.LastError ?? (job?.StartedAt is { } started && job.Status == "Running"
                        ? c.LastSuccessAt >= started ? "synced" : "waiting" : "ok"),
                });
                return (new { state = job?.Status ?? "None", line = Components.Pages.Data.JobLine(job), done, types }, done);
            }));

        user.MapGet("/live/import/{id:guid}", (string userId, Guid id, AccountClient account, HttpContext context) =>
            StreamAsync(context, async ct =>
            {
                var import = await account.ImportAsync(userId, id, ct);
                var done = import is null || import.Status is "Succeeded" or "Failed" or "PartiallySucceeded" or "Cancelled";
                return (import is null ? new { status = "Unknown", line = "No such import." } : (object)new
                {
                    status = import.Status,
                    line = $"{import.Status}: {import.FilesDone} of {import.FilesTotal} files"
                        + (import.FilesFailed > 0 ? $", {import.FilesFailed} failed" : "") + (import.Reason is { } r ? $" ({r})" : ""),
                    import.FilesDone,
                    import.FilesTotal,
                }, done);
            }));
    }

    private static async Task StreamAsync(HttpContext context, Func<CancellationToken, Task<(object Data, bool Done)>> poll)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var ct = context.RequestAborted;
        var until = DateTime.UtcNow + AtMost;
        string? last = null;
        while (!ct.IsCancellationRequested && DateTime.UtcNow < until)
        {
            object data;
            bool done;
            try
            {
                (data, done) = await poll(ct);
            }
            catch (Exception ex) when (ex is ApiUnavailableException or ApiException && !ct.IsCancellationRequested)
            {
                (data, done) = (new { line = "PolarFlow's API is not answering; still trying…" }, false);
            }
            var json = JsonSerializer.Serialize(data, JsonSerializerOptions.Web);
            if (json != last)
            {
                await context.Response.WriteAsync($"data: {json}\n\n", ct);
                await context.Response.Body.FlushAsync(ct);
                last = json;
            }
            if (done)
            {
                await context.Response.WriteAsync("event: done\ndata: {}\n\n", ct);
                return;
            }
            await Task.Delay(Every, ct);
        }
    }
}
