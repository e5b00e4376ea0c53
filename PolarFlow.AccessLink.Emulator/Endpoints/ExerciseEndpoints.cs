using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.State;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

public static class ExerciseEndpoints
{
    public static void MapExerciseEndpoints(this IEndpointRouteBuilder app)
    {
        var exercises = app.MapGroup("/v3/exercises").RequireUser();

        exercises.MapGet("", (HttpContext http, EmulatorState state) =>
        {
            var user = http.User();
            bool samples = PolarHttp.Flag(http, "samples"), zones = PolarHttp.Flag(http, "zones"), route = PolarHttp.Flag(http, "route");
            return PolarHttp.Json(new JsonArray([.. user.AvailableExercises(state.Clock, state.Options).Select(e => PolarJson.Exercise(e, user.PolarUserId, samples, zones, route))]));
        });

        exercises.MapGet("/{exerciseId}", (string exerciseId, HttpContext http, EmulatorState state) =>
            Find(http, state, exerciseId) is { } e
                ? PolarHttp.Json(PolarJson.Exercise(e, http.User().PolarUserId, PolarHttp.Flag(http, "samples"), PolarHttp.Flag(http, "zones"), PolarHttp.Flag(http, "route")))
                : PolarHttp.Error(http, 404, "NOT_FOUND", "Exercise not found"));

        exercises.MapGet("/{exerciseId}/fit", (string exerciseId, HttpContext http, EmulatorState state) =>
            Find(http, state, exerciseId) is { } e ? Results.Bytes(FitFile.Write(e), "*/*") : PolarHttp.Error(http, 404, "NOT_FOUND", "Exercise not found"));
        exercises.MapGet("/{exerciseId}/tcx", (string exerciseId, HttpContext http, EmulatorState state) =>
            Find(http, state, exerciseId) is { } e ? Results.Text(ExerciseFiles.Tcx(e), "application/vnd.garmin.tcx+xml") : PolarHttp.Error(http, 404, "NOT_FOUND", "Exercise not found"));
        exercises.MapGet("/{exerciseId}/gpx", (string exerciseId, HttpContext http, EmulatorState state) =>
            Find(http, state, exerciseId) is not { } e ? PolarHttp.Error(http, 404, "NOT_FOUND", "Exercise not found")
            : e.Route is null ? Results.NoContent()
            : Results.Text(ExerciseFiles.Gpx(e), "application/gpx+xml"));
    }

    public static SyntheticExercise? Find(HttpContext http, EmulatorState state, string exerciseId) =>
        http.User().AvailableExercises(state.Clock, state.Options).FirstOrDefault(e => e.Id == exerciseId);
}
