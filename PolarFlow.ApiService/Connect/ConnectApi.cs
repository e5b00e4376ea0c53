using Microsoft.AspNetCore.Http.HttpResults;
using PolarFlow.AccessLink;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;

namespace PolarFlow.ApiService.Connect;

public static class ConnectApi
{
    public sealed record AuthorizeRequest(string? ReturnUrl);
    public sealed record AuthorizeResponse(string AuthorizationUrl, DateTimeOffset ExpiresAt);
    public sealed record TokenImport(string AccessToken, long? PolarUserId);

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapPost("/users/{userId}/polar/authorize", async Task<Results<Ok<AuthorizeResponse>, ProblemHttpResult>> (string userId, AuthorizeRequest? request,
            PolarConnectService connect, Microsoft.Extensions.Options.IOptions<Extensions.DeploymentOptions> deployment) =>
        {
            if (request?.ReturnUrl is { } back && !deployment.Value.ReturnUrlAllowed(back))
            {
                return Common.Problems.Invalid("returnUrl", "returnUrl is not on PolarFlow:ReturnUrlAllowList.");
            }
            var (url, expires) = await connect.StartAsync(userId, request?.ReturnUrl);
            return TypedResults.Ok(new AuthorizeResponse(url.ToString(), expires));
        }).WithName("AuthorizeUserPolar").WithSummary("Start connecting Polar for a user")
            .WithDescription("Start connecting a Polar account to this user: open the returned URL in the user's browser (valid 10 minutes, once).");

        api.MapPost("/polar/authorize", async Task<Results<Ok<AuthorizeResponse>, ProblemHttpResult>> (AuthorizeRequest? request, PolarConnectService connect,
            Microsoft.Extensions.Options.IOptions<Extensions.DeploymentOptions> deployment) =>
        {
            if (deployment.Value.Saas)
            {
                return TypedResults.Problem(statusCode: 400, title: "Choose the user", detail: "With DEPLOYMENT_MODE=saas, connect through /api/v1/users/{userId}/polar/authorize.",
                    type: "https://polarflow.dev/problems/saas-user-id");
            }
            var (url, expires) = await connect.StartAsync(null, null);
            return TypedResults.Ok(new AuthorizeResponse(url.ToString(), expires));
        }).RequireAuthorization(Auth.UserAccess.ManagePolicy).WithName("AuthorizePolar").WithSummary("Start connecting a Polar account")
            .WithDescription("Self-hosted: connect a Polar account whose Polar user id becomes its user id.");

        api.MapPut("/users/{userId}/polar/token", async Task<Results<NoContent, ProblemHttpResult>> (string userId, TokenImport body, PolarConnectService connect, SyncJobQueue queue, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.AccessToken))
            {
                return TypedResults.Problem(statusCode: 400, title: "access_token is required", type: "https://polarflow.dev/problems/validation");
            }
            await connect.SaveTokenAsync(userId, body.PolarUserId, body.AccessToken.Trim(), ct);
            await queue.EnqueueAsync(userId, SyncJobTrigger.Connect, ct: ct);
            return TypedResults.NoContent();
        }).WithName("ImportPolarToken").WithSummary("Import a Polar access token")
            .WithDescription("Import a Polar access token obtained elsewhere (the brief's `polar-flow auth`); it is stored encrypted and never shown again.");

        // Polar sends the browser here; the single-use state is what authenticates the request.
        app.MapGet("/oauth/polar/callback", async (string? code, string? state, string? error, PolarConnectService connect,
            Microsoft.Extensions.Options.IOptions<Extensions.DeploymentOptions> deployment, CancellationToken ct) =>
        {
            if (error is not null)
            {
                return Results.Problem(statusCode: 400, title: "Polar connection was not allowed",
                    detail: error == "access_denied" ? "The consent was refused at Polar; nothing was connected." : $"Polar answered: {error}.",
                    type: "https://polarflow.dev/problems/consent-denied");
            }
            if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(state))
            {
                return Results.Problem(statusCode: 400, title: "code and state are required", type: "https://polarflow.dev/problems/validation");
            }
            try
            {
                var done = await connect.CompleteAsync(code, state, ct);
                if (done.ReturnUrl is { } back && deployment.Value.ReturnUrlAllowed(back))
                {
                    return Results.Redirect(back);
                }
                return Results.Text($"Polar account {done.PolarUserId} is connected to PolarFlow as user '{done.UserId}'. The first sync has started; you can close this page.",
                    "text/plain; charset=utf-8");
            }
            catch (PolarConnectService.ConnectException ex)
            {
                return Results.Problem(statusCode: ex.Status, title: ex.Title, detail: ex.Message, type: "https://polarflow.dev/problems/connect");
            }
            catch (AccessLinkException ex) when (ex.Kind == AccessLinkErrorKind.BadRequest)
            {
                return Results.Problem(statusCode: 400, title: "Polar refused the code", detail: "The code was already used or expired. Start the connection again.",
                    type: "https://polarflow.dev/problems/connect");
            }
        }).AllowAnonymous().ExcludeFromDescription();

        return app;
    }
}
