using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolarFlow.ApiService.Extensions;

/// <summary>Examples for the main answers in the OpenAPI document, in the shapes the API really returns.</summary>
public sealed class OpenApiExamples : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string> Examples = new()
    {
        [typeof(Sleep.SleepDto)] = """
            {"date":"2026-11-20","sleepStartTime":"2026-11-19T23:10:00+02:00","sleepEndTime":"2026-11-20T06:52:00+02:00","lightSleep":15120,
             "deepSleep":5400,"remSleep":5940,"unrecognizedSleepStage":0,"totalInterruptionDuration":1260,"sleepScore":81,"sleepCharge":4,
             "sleepGoal":28800,"sleepRating":3,"continuity":3.9,"continuityClass":4,"sleepCycles":5,"deviceId":"1111AAAA",
             "provenance":["accesslink","export"]}
            """,
        [typeof(NightlyRecharge.NightlyRechargeApi.RechargeDto)] = """
            {"date":"2026-11-20","heartRateAvg":52,"beatToBeatAvg":1154,"heartRateVariabilityAvg":58,"breathingRateAvg":14.1,
             "nightlyRechargeStatus":4,"ansCharge":2.3,"ansChargeStatus":4,"provenance":["accesslink"]}
            """,
        [typeof(Activity.ActivityApi.ActivityDto)] = """
            {"date":"2026-11-20","steps":9214,"calories":2480,"activeCalories":830,"activeDuration":"02:41:00","inactiveDuration":"21:19:00",
             "dailyActivity":89.4,"inactivityAlertCount":1,"distanceFromSteps":6818.36,"provenance":["accesslink"]}
            """,
        [typeof(Exercises.ExercisesApi.ExerciseDto)] = """
            {"id":"ymeoBNZw","startTime":"2026-11-19T18:05:38","startTimeUtcOffsetMinutes":120,"duration":"00:52:10","sport":"RUNNING",
             "detailedSportInfo":"RUNNING","distance":9560.2,"calories":612,"heartRateAverage":152,"heartRateMaximum":174,"trainingLoad":96,
             "cardioLoad":96.4,"muscleLoad":null,"hasRoute":true,"provenance":["export"]}
            """,
        [typeof(Summaries.SummaryApi.CardioLoadDto)] = """
            {"date":"2026-11-20","status":"PRODUCTIVE","cardioLoad":96.4,"strain":71.2,"tolerance":63.5,"ratio":1.12}
            """,
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonNode.Parse(example)!];
        }
        return Task.CompletedTask;
    }
}
