using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.State;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

/// <summary>Client-level endpoints (Basic auth): pull notifications and the one webhook a client may have.</summary>
public static class PartnerEndpoints
{
    private static readonly string[] EventTypes =
        ["EXERCISE", "SLEEP", "CONTINUOUS_HEART_RATE", "SLEEP_WISE_CIRCADIAN_BEDTIME", "SLEEP_WISE_ALERTNESS", "ACTIVITY_SUMMARY", "PHYSICAL_INFORMATION"];

    public static void MapPartnerEndpoints(this IEndpointRouteBuilder app)
    {
        var partner = app.MapGroup("/v3").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            return PolarHttp.IsPartner(http, http.RequestServices.GetRequiredService<EmulatorState>().Options)
                ? await next(context)
                : PolarHttp.Error(http, 401, "UNAUTHORIZED", "Invalid client credentials");
        });

        partner.MapGet("/notifications", (HttpContext http, EmulatorState state) =>
        {
            var pending = state.Users.Where(u => u.Registered)
                .SelectMany(u => TransactionEndpoints.Families.Where(f => TransactionEndpoints.PendingItems(u, f, state).Any())
                    .Select(f => (JsonNode)new JsonObject
                    {
                        ["user-id"] = u.PolarUserId,
                        ["data-type"] = f.DataType,
                        ["url"] = $"{PolarJson.UserUrl(u.PolarUserId)}/{f.Path}",
                    }))
                .ToList();
            return pending.Count == 0 ? Results.NoContent() : PolarHttp.Json(new JsonObject { ["available-user-data"] = new JsonArray([.. pending]) });
        });

        partner.MapPost("/webhooks", async (HttpContext http, EmulatorState state, WebhookSender sender) =>
        {
            if (state.Webhook is not null) return PolarHttp.Error(http, 409, "CONFLICT", "Webhook already exists");
            if (await Body(http) is not { } body || Events(body) is not { } events || Url(body) is not { } url)
            {
                return PolarHttp.Error(http, 400, "BAD_REQUEST", "events (known event types) and an absolute url are required");
            }
            var secret = Guid.NewGuid().ToString();
            if (!await sender.PingAsync(url, secret, http.RequestAborted))
            {
                return PolarHttp.Error(http, 400, "BAD_REQUEST", "The webhook URL did not answer the PING with 200");
            }
            state.Webhook = new Webhook { Id = EmulatorState.NewSecret()[..6], Url = url, Events = events, SignatureSecretKey = secret };
            return PolarHttp.Json(new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["id"] = state.Webhook.Id, ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]), ["url"] = url, ["signature_secret_key"] = secret,
                },
            }, 201);
        });

        partner.MapGet("/webhooks", (EmulatorState state) => PolarHttp.Json(new JsonObject
        {
            ["data"] = state.Webhook is { } w ? new JsonArray(Info(w)) : new JsonArray(),
        }));

        partner.MapPatch("/webhooks/{webhookId}", async (string webhookId, HttpContext http, EmulatorState state, WebhookSender sender) =>
        {
            if (state.Webhook is not { } hook || hook.Id != webhookId) return PolarHttp.Error(http, 404, "NOT_FOUND", "Webhook not found");
            if (await Body(http) is not { } body) return PolarHttp.Error(http, 400, "BAD_REQUEST", "A JSON body is required");
            var events = body.ContainsKey("events") ? Events(body) : hook.Events;
            var url = body.ContainsKey("url") ? Url(body) : hook.Url;
            if (events is null || url is null) return PolarHttp.Error(http, 400, "BAD_REQUEST", "Invalid events or url");
            if (url != hook.Url && !await sender.PingAsync(url, hook.SignatureSecretKey, http.RequestAborted))
            {
                return PolarHttp.Error(http, 400, "BAD_REQUEST", "The new URL did not answer the PING with 200");
            }
            (hook.Events, hook.Url) = (events, url);
            return PolarHttp.Json(new JsonObject { ["data"] = Info(hook) });
        });

        partner.MapDelete("/webhooks/{webhookId}", (string webhookId, HttpContext http, EmulatorState state) =>
        {
            if (state.Webhook?.Id != webhookId) return PolarHttp.Error(http, 404, "NOT_FOUND", "Webhook not found");
            state.Webhook = null;
            return Results.NoContent();
        });

        partner.MapPost("/webhooks/activate", async (HttpContext http, EmulatorState state, WebhookSender sender) =>
        {
            if (state.Webhook is not { } hook) return Results.NoContent();
            hook.Active = await sender.PingAsync(hook.Url, hook.SignatureSecretKey, http.RequestAborted);
            return Results.Ok();
        });
        partner.MapPost("/webhooks/deactivate", (EmulatorState state) =>
        {
            if (state.Webhook is not { } hook) return Results.NoContent();
            hook.Active = false;
            return Results.Ok();
        });
    }

    private static JsonObject Info(Webhook w) => new()
    {
        ["id"] = w.Id, ["events"] = new JsonArray([.. w.Events.Select(e => (JsonNode)e)]), ["url"] = w.Url, ["active"] = w.Active,
    };

    private static async Task<JsonObject?> Body(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static List<string>? Events(JsonObject body) =>
        body["events"] is JsonArray a && a.Count > 0 && a.All(e => e is JsonValue v && v.TryGetValue<string>(out var s) && EventTypes.Contains(s))
            ? a.Select(e => e!.GetValue<string>()).ToList()
            : null;

    private static string? Url(JsonObject body) =>
        body["url"] is JsonValue v && v.TryGetValue<string>(out var s) && Uri.TryCreate(s, UriKind.Absolute, out _) ? s : null;
}
