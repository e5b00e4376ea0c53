using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink.Webhooks;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;

namespace PolarFlow.ApiService.Webhooks;

/// <summary>
/// Polar's webhook deliveries: the signature is checked against the key Polar returned when PolarFlow created
/// the webhook (<see cref="PolarWebhookService"/>; `Polar:WebhookSecret` for one made by hand), PING is answered,
/// and an event queues a targeted job for its user (an EXERCISE event also names the exercise to fetch). The sync
/// never runs inside the request: Polar wants a quick 200.
/// </summary>
public static partial class PolarWebhookApi
{
    public static IEndpointRouteBuilder MapPolarWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(PolarWebhookService.ReceiverPath, async (HttpRequest request, PolarWebhookService hooks,
            PolarFlowDbContext db, SyncJobQueue queue, ILoggerFactory loggers, CancellationToken ct) =>
        {
            var logger = loggers.CreateLogger("PolarFlow.Webhooks");
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            var body = buffer.ToArray();
            var eventType = request.Headers[WebhookSignature.EventHeader].FirstOrDefault() ?? "";

            // PING comes before the secret is known (it is how Polar checks the URL), so it is answered unchecked.
            if (eventType == "PING") return Results.Ok();

            var secret = await hooks.SignatureKeyAsync(ct);
            if (string.IsNullOrEmpty(secret) || !WebhookSignature.IsValid(body, request.Headers[WebhookSignature.SignatureHeader].FirstOrDefault(), secret))
            {
                LogRejected(logger, eventType);
                return Results.Problem(statusCode: 401, title: "Invalid webhook signature", type: "https://polarflow.dev/problems/webhook-signature");
            }

            long polarUserId;
            string? entityId;
            try
            {
                using var json = JsonDocument.Parse(body);
                polarUserId = json.RootElement.GetProperty("user_id").GetInt64();
                entityId = json.RootElement.TryGetProperty("entity_id", out var entity)
                    && entity.ValueKind == JsonValueKind.String ? entity.GetString() : null;
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return Results.Problem(statusCode: 400, title: "Not a Polar webhook event", type: "https://polarflow.dev/problems/validation");
            }

            var userId = await db.Users.AsNoTracking()
                .Where(u => u.PolarUserId == polarUserId && u.ConnectionState == ConnectionState.Connected)
                .Select(u => u.UserId).SingleOrDefaultAsync(ct);
            // An event we do not sync, or a user we do not know: acknowledged, ignored.
            if (userId is not null) await queue.AnnounceAsync(userId, eventType, entityId, ct);
            return Results.Ok();
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Polar webhook ({Event}) with a missing or wrong signature")]
    private static partial void LogRejected(ILogger logger, string @event);
}
