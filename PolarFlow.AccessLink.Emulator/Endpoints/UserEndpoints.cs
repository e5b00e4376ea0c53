using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.State;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

public static class UserEndpoints
{
    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/v3/users").RequireUser(mustBeRegistered: false);

        users.MapPost("", async (HttpContext http, EmulatorClock clock) =>
        {
            var user = http.User();
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            var memberId = body?["member-id"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(memberId))
            {
                return PolarHttp.Error(http, 400, "BAD_REQUEST", "member-id is required");
            }
            if (user.Registered)
            {
                return PolarHttp.Error(http, 409, "CONFLICT", "User already registered to partner or duplicated member-id");
            }
            user.MemberId = memberId;
            user.RegisteredAt = clock.UtcNow;
            return PolarHttp.Json(PolarJson.User(user));
        });

        users.MapGet("/{userId:long}", (long userId, HttpContext http) =>
            http.User() is { } user && user.PolarUserId == userId && user.Registered ? PolarHttp.Json(PolarJson.User(user)) : Results.NoContent());

        // De-registration revokes the token: a later call with it gets 401.
        users.MapDelete("/{userId:long}", (long userId, HttpContext http) =>
        {
            var user = http.User();
            if (user.PolarUserId == userId)
            {
                user.RegisteredAt = null;
                user.TokenRevoked = true;
            }
            return Results.NoContent();
        });

        var registered = app.MapGroup("/v3/users").RequireUser();
        registered.MapGet("/physical-info", (HttpContext http, EmulatorClock clock) =>
            http.User().Athlete.PhysicalInfo(clock.UtcNow) is { Count: > 0 } snapshots
                ? PolarHttp.Json(PolarJson.PhysicalInfo(snapshots[^1]))
                : PolarHttp.Error(http, 404, "NOT_FOUND", "No physical information"));
    }
}
