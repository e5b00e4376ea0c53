using System.Text.Json;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Sleep;

/// <summary>A night; times keep the offset Polar gave them; durations in seconds, as Polar's; provenance `accesslink` and/or `export`.</summary>
public sealed record SleepDto(DateOnly Date, DateTimeOffset? SleepStartTime, DateTimeOffset? SleepEndTime, int? LightSleep, int? DeepSleep, int? RemSleep,
    int? UnrecognizedSleepStage, int? TotalInterruptionDuration, int? SleepScore, int? SleepCharge, int? SleepGoal, int? SleepRating, double? Continuity,
    int? ContinuityClass, int? SleepCycles, string? DeviceId, IReadOnlyList<string> Provenance);

public sealed record SleepDetailDto(SleepDto Night, JsonElement? Hypnogram, JsonElement? HeartRateSamples);

public sealed record SleepListDto(string UserId, DateOnly From, DateOnly To, int Count, IReadOnlyList<SleepDto> Nights);

public static class SleepMapping
{
    /// <summary>One night with its hypnogram and heart-rate samples, as `GET …/sleep/{date}` answers it.</summary>
    public static SleepDetailDto ToDetailDto(this SleepNight s) =>
        new(s.ToDto(), Common.JsonColumn.Parse(s.Hypnogram), Common.JsonColumn.Parse(s.HeartRateSamples));

    /// <summary>
    /// A night as the API answers it, written as a query projection: a list's query sends only these columns (not the
    /// night's raw JSON, hypnogram and samples), and EF Core builds each DTO from them as the rows arrive.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<SleepNight, SleepDto>> Listed = s => new SleepDto(
        s.Date, At(s.SleepStartTime, s.SleepStartOffsetMinutes), At(s.SleepEndTime, s.SleepEndOffsetMinutes),
        s.LightSleep, s.DeepSleep, s.RemSleep, s.UnrecognizedSleepStage, s.TotalInterruptionDuration, s.SleepScore,
        s.SleepCharge, s.SleepGoal, s.SleepRating, s.Continuity, s.ContinuityClass, s.SleepCycles, s.DeviceId,
        RecordSources.Of(s.Source, s.ExportRaw != null));

    private static readonly Func<SleepNight, SleepDto> ListedNight = Listed.Compile();

    /// <summary>A loaded night as <see cref="Listed"/> makes it.</summary>
    public static SleepDto ToDto(this SleepNight s) => ListedNight(s);

    /// <summary>PostgreSQL keeps the instant; the offset Polar sent is kept beside it and restored here.</summary>
    public static DateTimeOffset? At(DateTimeOffset? instant, int? offsetMinutes) =>
        instant is { } t && offsetMinutes is { } m ? t.ToOffset(TimeSpan.FromMinutes(m)) : instant;
}
