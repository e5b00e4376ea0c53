using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PolarFlow.AccessLink.Emulator.State;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

/// <summary>
/// flow.polar.com's authorization page (consents at once, or refuses when configured) and polarremote.com's
/// token exchange, so the whole OAuth flow runs offline. Each authorization is a new athlete, unless
/// `polar_user_id` names an existing one (a returning user).
/// </summary>
public static class OAuthEndpoints
{
    public static void MapOAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oauth2/authorization", (HttpContext http, EmulatorState state) =>
        {
            var q = http.Request.Query;
            string? clientId = q["client_id"], redirectUri = q["redirect_uri"], stateParam = q["state"];
            if (q["response_type"] != "code" || clientId != state.Options.ClientId)
            {
                return Results.BadRequest("Unknown client_id or response_type is not 'code'.");
            }
            if (string.IsNullOrEmpty(redirectUri) || !Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
            {
                return Results.BadRequest("redirect_uri is required by the emulator (no default is registered).");
            }

            var answer = new Dictionary<string, string?> { ["state"] = stateParam };
            if (state.Options.DenyConsent)
            {
                answer["error"] = "access_denied";
            }
            else
            {
                var user = long.TryParse(q["polar_user_id"], out var id) && state.FindUser(id) is { } existing ? existing : state.CreateUser();
                if (user.TokenRevoked)
                {
                    user.AccessToken = EmulatorState.NewSecret();
                    user.TokenRevoked = false;
                }
                answer["code"] = state.IssueCode(user.PolarUserId, redirectUri);
            }
            return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, answer.Where(kv => kv.Value is not null)!));
        });

        app.MapPost("/v2/oauth2/token", async (HttpContext http, EmulatorState state) =>
        {
            if (!PolarHttp.IsPartner(http, state.Options))
            {
                return PolarHttp.Json(new JsonObject { ["error"] = "invalid_client" }, 401);
            }
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
            var user = form is not null && form["grant_type"] == "authorization_code" ? state.RedeemCode(form["code"].ToString(), form["redirect_uri"].FirstOrDefault()) : null;
            if (user is null)
            {
                return PolarHttp.Json(new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Unknown, used or expired code" }, 400);
            }
            return PolarHttp.Json(new JsonObject
            {
                ["access_token"] = user.AccessToken, ["token_type"] = "bearer", ["expires_in"] = 315359999, ["x_user_id"] = user.PolarUserId,
            });
        });
    }
}
