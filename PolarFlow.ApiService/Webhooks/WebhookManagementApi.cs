using Microsoft.AspNetCore.Http.HttpResults;
using PolarFlow.AccessLink;
using PolarFlow.ApiService.Auth;
using PolarFlow.ApiService.Common;

namespace PolarFlow.ApiService.Webhooks;

/// <summary>`/api/v1/polar/webhook` (admin key): PolarFlow's webhook at Polar, created, checked and deleted from here.</summary>
public static class WebhookManagementApi
{
    public sealed record WebhookRequest(IReadOnlyList<string>? Events);

    private const string PolarType = "https://polarflow.dev/problems/polar-webhook";

    public static RouteGroupBuilder MapWebhookManagementApi(this RouteGroupBuilder api)
    {
        var webhook = api.MapGroup("/polar/webhook").RequireAuthorization(UserAccess.AdminPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (Exception ex) when (Refusal(ex) is { } problem)
                {
                    return problem;
                }
            })
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);

        webhook.MapGet("", async (PolarWebhookService hooks, CancellationToken ct) => TypedResults.Ok(await hooks.StateAsync(ct)))
            .WithName("GetPolarWebhook").WithSummary("Show the Polar webhook")
            .WithDescription("The client's webhook as Polar reports it (`missing`, `active` or `inactive`), where it delivers, its events, "
                + "whether its signature key is known here, and what to do next.");

        webhook.MapPut("", async Task<Results<Ok<PolarWebhookService.State>, Created<PolarWebhookService.State>, ProblemHttpResult>> (
            WebhookRequest? request, PolarWebhookService hooks, CancellationToken ct) =>
        {
            var events = request?.Events ?? PolarWebhookService.Events;
            if (events.Count == 0 || events.Any(e => !PolarWebhookService.Events.Contains(e)))
            {
                return Problems.Invalid("events", $"events are one or more of {string.Join(", ", PolarWebhookService.Events)}.");
            }
            var (state, created) = await hooks.EnsureAsync([.. events.Distinct()], ct);
            return created ? TypedResults.Created("/api/v1/polar/webhook", state) : TypedResults.Ok(state);
        }).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutPolarWebhook").WithSummary("Create or update the Polar webhook")
            .WithDescription("Creates the webhook at Polar for `PolarFlow:PublicBaseUrl` + `/webhooks/polar` (201), or updates its URL "
                + "and events (200), and activates it. Polar PINGs the URL first, so it must reach PolarFlow. The signature key "
                + "Polar returns is stored encrypted and never shown. `events` defaults to every event the sync uses.");

        webhook.MapDelete("", async Task<Results<NoContent, ProblemHttpResult>> (PolarWebhookService hooks, CancellationToken ct) =>
            await hooks.DeleteAsync(ct) ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: 404, title: "No webhook", detail: "Polar has no webhook for this client.",
                    type: "https://polarflow.dev/problems/not-found"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeletePolarWebhook").WithSummary("Delete the Polar webhook")
            .WithDescription("Deletes the webhook at Polar and the signature key kept here; the hourly sync carries on without it.");
        return api;
    }

    /// <summary>Polar's refusals in words: a URL Polar could not PING is the caller's to fix (422), the rest is Polar's (502).</summary>
    private static ProblemHttpResult? Refusal(Exception ex) => ex switch
    {
        PolarWebhookService.NotConfiguredException => TypedResults.Problem(statusCode: 409, title: "No public address", detail: ex.Message, type: PolarType),
        AccessLinkException { Kind: AccessLinkErrorKind.BadRequest } => TypedResults.Problem(statusCode: 422, title: "Polar refused the webhook",
            detail: $"Polar answered: {ex.Message} Polar must reach PolarFlow:PublicBaseUrl + /webhooks/polar and get 200 to its PING.", type: PolarType),
        AccessLinkException { Kind: AccessLinkErrorKind.TokenRevoked or AccessLinkErrorKind.ConsentMissing } => TypedResults.Problem(statusCode: 502,
            title: "Polar refused PolarFlow", detail: "Polar refused PolarFlow's client credentials; check Polar:ClientId and Polar:ClientSecret.", type: PolarType),
        AccessLinkException or HttpRequestException or TaskCanceledException { InnerException: TimeoutException } => TypedResults.Problem(statusCode: 502,
            title: "Polar is not answering", detail: "Polar did not answer as expected; try again later.", type: PolarType),
        _ => null,
    };
}
