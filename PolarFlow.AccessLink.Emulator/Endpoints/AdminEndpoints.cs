using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.Faults;
using PolarFlow.AccessLink.Emulator.State;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

/// <summary>Not Polar's: controls for tests and demos (users, the clock, faults, limits) and the ground truth.</summary>
public static class AdminEndpoints
{
    /// <param name="RegisteredDaysAgo">Polar only serves exercises uploaded after registration; a past date gives a test some.</param>
    public sealed record CreateUser(long? PolarUserId, bool Register = true, string? AccessToken = null, int RegisteredDaysAgo = 0);
    public sealed record ClockChange(TimeSpan? Advance, DateTimeOffset? Now);
    public sealed record Settings(bool? DenyConsent, int? ShortWindowBaseLimit, int? ShortWindowPerUser, int? LongWindowBaseLimit, int? DemoWindowDays);

    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");

        admin.MapPost("/users", (CreateUser request, EmulatorState state) =>
        {
            var user = state.CreateUser(request.PolarUserId, request.AccessToken);
            if (request.Register && !user.Registered)
            {
                user.RegisteredAt = state.Clock.UtcNow.AddDays(-request.RegisteredDaysAgo);
                user.MemberId = $"member-{user.PolarUserId}";
            }
            return Results.Ok(new { polar_user_id = user.PolarUserId, access_token = user.AccessToken, registered = user.Registered });
        });

        admin.MapPut("/users/{userId:long}/consent", (long userId, bool missing, EmulatorState state) =>
        {
            if (state.FindUser(userId) is not { } user) return Results.NotFound();
            user.ConsentMissing = missing;
            return Results.NoContent();
        });

        admin.MapGet("/users/{userId:long}/truth", (long userId, EmulatorState state) =>
            state.FindUser(userId) is { } user ? PolarHttp.Json(GroundTruth.Of(user, state)) : Results.NotFound());

        admin.MapGet("/users/{userId:long}/export", async (long userId, string? generation, EmulatorState state, HttpResponse response) =>
        {
            generation ??= "new";
            if (!Export.FlowExport.Generations.Contains(generation)) return Results.BadRequest(new { error = "generation is new, old or mixed" });
            if (state.FindUser(userId) is not { } user) return Results.NotFound();
            // Built in memory, then sent: ZipArchive needs a seekable stream or synchronous writes.
            using var buffer = new MemoryStream();
            Export.FlowExport.Write(buffer, user, state.Clock, generation);
            return Results.File(buffer.ToArray(), "application/zip", $"polar-user-data-export_{userId}.zip");
        });

        admin.MapGet("/clock", (EmulatorClock clock) => Results.Ok(new { now = clock.UtcNow }));
        admin.MapPost("/clock", async (ClockChange change, EmulatorState state, WebhookSender sender, CancellationToken ct) =>
        {
            var before = state.Clock.UtcNow;
            if (change.Now is { } now) state.Clock.Set(now);
            if (change.Advance is { } by) state.Clock.Advance(by);
            await sender.DeliverAsync(GroundTruth.EventsBetween(state, before, state.Clock.UtcNow), ct);
            return Results.Ok(new { now = state.Clock.UtcNow });
        });

        admin.MapGet("/calls", (long? user, CallCounter calls) => Results.Ok(calls.Of(user)));
        admin.MapDelete("/calls", (CallCounter calls) =>
        {
            calls.Reset();
            return Results.NoContent();
        });

        admin.MapGet("/faults", (FaultSettings faults) => Results.Ok(faults));
        admin.MapPut("/faults", ([Microsoft.AspNetCore.Mvc.FromBody] FaultSettings request, FaultSettings faults) =>
        {
            faults.CopyFrom(request);
            return Results.Ok(faults);
        });

        admin.MapPut("/settings", (Settings request, EmulatorState state, RateLimiter limiter) =>
        {
            var o = state.Options;
            o.DenyConsent = request.DenyConsent ?? o.DenyConsent;
            o.ShortWindowBaseLimit = request.ShortWindowBaseLimit ?? o.ShortWindowBaseLimit;
            o.ShortWindowPerUser = request.ShortWindowPerUser ?? o.ShortWindowPerUser;
            o.LongWindowBaseLimit = request.LongWindowBaseLimit ?? o.LongWindowBaseLimit;
            o.DemoWindowDays = request.DemoWindowDays ?? o.DemoWindowDays;
            limiter.Reset();
            return Results.Ok(o);
        });
    }
}
