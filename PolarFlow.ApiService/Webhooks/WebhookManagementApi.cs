using Microsoft.AspNetCore.Http.HttpResults;
using PolarFlow.AccessLink;
using PolarFlow.ApiService.Auth;
using PolarFlow.ApiService.Common;

namespace PolarFlow.ApiService.Webhooks;

/// <summary>`/api/v1/polar/webhook` (admin key): PolarFlow's webhook at Polar, created, checked and deleted here.</summary>
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

        webhook.MapGet("", async (PolarWebhookService hooks, CancellationToken ct) =>
                TypedResults.Ok(await hooks.StateAsync(ct)))
            .WithName("GetPolarWebhook").WithSummary("Show the Polar webhook")
            .WithDescription("The client's webhook as Polar reports it (`missing`, `active` or `inactive`), where it "
                + "delivers, its events, whether its signature key is known here, and what to do next.");

        webhook.MapPut("", async Task<Results<Ok<PolarWebhookService.State>, Created<PolarWebhookService.State>,
            ProblemHttpResult>> (WebhookRequest? request, PolarWebhookService hooks, CancellationToken ct) =>
        {
            var known = PolarWebhookService.Events;
            var events = request?.Events ?? known;
            if (events.Count == 0 || events.Any(e => !known.Contains(e)))
            {
                return Problems.Invalid("events", $"events are one or more of {string.Join(", ", known)}.");
            }
            var (state, created) = await hooks.EnsureAsync([.. events.Distinct()], ct);
            return created ? TypedResults.Created("/api/v1/polar/webhook", state) : TypedResults.Ok(state);
        }).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("PutPolarWebhook").WithSummary("Create or update the Polar webhook")
            .WithDescription("Creates the webhook at Polar for `PolarFlow:PublicBaseUrl` + `/webhooks/polar` (201), or "
                + "updates its URL and events (200), and activates it. Polar PINGs the URL first, so it must reach "
                + "PolarFlow. The signature key Polar returns is stored encrypted and never shown. `events` defaults to "
                + "every event the sync uses.");

        webhook.MapDelete("", async Task<Results<NoContent, ProblemHttpResult>> (PolarWebhookService hooks,
            CancellationToken ct) =>
            await hooks.DeleteAsync(ct) ? TypedResults.NoContent()
                : TypedResults.Problem(statusCode: 404, title: "No webhook",
                    detail: "Polar has no webhook for this client.", type: "https://polarflow.dev/problems/not-found"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeletePolarWebhook").WithSummary("Delete the Polar webhook")
            .WithDescription("Deletes the webhook at Polar and the signature key kept here; the hourly sync carries on "
                + "without it.");
        return api;
    }

    /// <summary>Polar's refusals in words: a URL Polar cannot PING is the caller's to fix (422), the rest Polar's (502).</summary>
    private static ProblemHttpResult? Refusal(Exception ex) => ex switch
    {
        PolarWebhookService.NotConfiguredException => Problem(409, "No public address", ex.Message),
        AccessLinkException { Kind: AccessLinkErrorKind.BadRequest } => Problem(422, "Polar refused the webhook",
            $"Polar answered: {ex.Message} Polar must reach PolarFlow:PublicBaseUrl + /webhooks/polar "
            + "and get 200 to its PING."),
        AccessLinkException { Kind: AccessLinkErrorKind.TokenRevoked or AccessLinkErrorKind.ConsentMissing } =>
            Problem(502, "Polar refused PolarFlow",
                "Polar refused PolarFlow's client credentials; check Polar:ClientId and Polar:ClientSecret."),
        AccessLinkException or HttpRequestException or TaskCanceledException { InnerException: TimeoutException } =>
            Problem(502, "Polar is not answering", "Polar did not answer as expected; try again later."),
        _ => null,
    };

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, type: PolarType);
}
