using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using PolarFlow.AccessLink.Json;
using PolarFlow.AccessLink.Models;

namespace PolarFlow.Tests.AccessLink;

/// <summary>
/// The client's models read the literal examples of Polar's own spec (built from the YAML by <see cref="SpecExamples"/>):
/// every scalar the example holds comes back out of the model with the same meaning.
/// </summary>
public sealed class SpecExampleTests
{
    private static readonly SpecExamples Spec = SpecExamples.Load();

    /// <summary>Schema name, model, and whether the model must carry every field (v3 models) or may leave some to Raw (legacy).</summary>
    public static TheoryData<string, Type, bool> Schemas => new()
    {
        { "sleep", typeof(SleepNight), true },
        { "available-sleep", typeof(SleepAvailability), true },
        { "nightly-recharge", typeof(NightlyRecharge), true },
        { "continuous-heartrate", typeof(ContinuousHeartRateDay), true },
        { "cardio-load", typeof(CardioLoadDay), true },
        { "alertness", typeof(SleepWiseAlertness), true },
        { "circadian-bedtime", typeof(CircadianBedtime), true },
        { "body-temperature-period", typeof(BodyTemperaturePeriod), true },
        { "skin-temperature", typeof(SkinTemperatureNight), true },
        { "skin-contact-period", typeof(SkinContactPeriod), true },
        { "ecg-test-result", typeof(EcgTest), true },
        { "spo2-test-result", typeof(Spo2Test), true },
        { "physical-info", typeof(PhysicalInfo), true },
        { "exerciseHashId", typeof(Exercise), true },
        { "activity-summary-with-all-samples", typeof(DailyActivitySummary), true },
        { "activity-day-with-samples", typeof(ActivitySamples), true },
        { "user", typeof(PolarUser), true },
        { "AvailableUserData", typeof(AvailableUserData), true },
        { "transaction-location", typeof(TransactionCreated), true },
        { "sample", typeof(ExerciseSamples), true },
        { "zones", typeof(LegacyHeartRateZones), true },
        { "activity", typeof(LegacyActivity), false },
        { "physical-information", typeof(LegacyPhysicalInfo), false },
        { "exercise", typeof(LegacyExercise), false },
        { "activity-step-samples", typeof(LegacyStepSamples), false },
        { "activity-zone-samples", typeof(LegacyZoneSamples), true },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void TheModelReadsPolarsExampleWithoutLosingAField(string schema, Type model, bool everyField)
    {
        var example = Spec.Example(schema)!;
        using var document = JsonDocument.Parse(example.ToJsonString());

        var read = typeof(PolarJsonReader).GetMethod(nameof(PolarJsonReader.Read))!.MakeGenericMethod(model).Invoke(null, [document.RootElement])!;
        var back = JsonSerializer.SerializeToNode(read, model, PolarJsonReader.Options)!;

        var compared = 0;
        Compare(Normalize(example), back, schema, everyField, ref compared);
        Assert.True(compared >= 2, $"{schema}: only {compared} fields compared");
        if (read is PolarRecord record)
        {
            Assert.Equal(document.RootElement.GetRawText(), record.Raw.GetRawText()); // Raw is Polar's JSON, untouched
        }
    }

    [Fact]
    public void BothSpellingsOfTheCardioLevelAndZoneKeysAreRead()
    {
        var spec = JsonDocument.Parse(Spec.Example("cardio-load")!.ToJsonString()).RootElement; // the spec's "very-high"
        var live = JsonDocument.Parse("""{"date":"2025-12-14","cardio_load":-1.0,"cardio_load_level":{"very_high":2.5}}""").RootElement;

        Assert.Equal(0.1, PolarJsonReader.Read<CardioLoadDay>(spec).CardioLoadLevel!.VeryHigh);
        Assert.Equal(2.5, PolarJsonReader.Read<CardioLoadDay>(live).CardioLoadLevel!.VeryHigh);
        Assert.Null(PolarJsonReader.Read<CardioLoadDay>(live).CardioLoad); // -1.0: not available
        Assert.Equal(110, PolarJsonReader.Read<LegacyHeartRateZones>(JsonDocument.Parse(Spec.Example("zones")!.ToJsonString()).RootElement).Zone[0].LowerLimit);
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key.Contains(':') ? kv.Key : kv.Key.Replace('-', '_'), Normalize(kv.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalize)]),
        _ => node?.DeepClone(),
    };

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, bool everyField, ref int compared)
    {
        switch (expected)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var inner = (actual as JsonObject)?[key];
                    if (inner is null && (actual as JsonObject)?.ContainsKey(key) != true)
                    {
                        Assert.False(everyField, $"{path}.{key} was not read into the model");
                        continue;
                    }
                    Compare(value, inner, $"{path}.{key}", everyField, ref compared);
                }
                break;
            case JsonArray a:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(a.Count, actualArray.Count);
                for (var i = 0; i < a.Count; i++) Compare(a[i], actualArray[i], $"{path}[{i}]", everyField, ref compared);
                break;
            case JsonValue v:
                Assert.True(SameMeaning(v, actual), $"{path}: example {v.ToJsonString()}, model {actual?.ToJsonString()}");
                compared++;
                break;
        }
    }

    // The spec's legacy exercise example has one-digit seconds ("10:40:0.000Z"), which the general parser refuses.
    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:s.fffK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out t) ? t : null;

    private static bool SameMeaning(JsonValue expected, JsonNode? actual)
    {
        if (actual is not JsonValue value) return false;
        var e = expected.ToString();
        var a = value.ToString();
        if (e == a) return true;
        if (double.TryParse(e, CultureInfo.InvariantCulture, out var en) && double.TryParse(a, CultureInfo.InvariantCulture, out var an)) return en == an;
        if (e.StartsWith('P') && a.StartsWith('P')) return XmlConvert.ToTimeSpan(e) == XmlConvert.ToTimeSpan(a);
        if (Instant(e) is { } ed && Instant(a) is { } ad) return ed == ad;
        return TimeOnly.TryParse(e, CultureInfo.InvariantCulture, out var et) && TimeOnly.TryParse(a, CultureInfo.InvariantCulture, out var at) && et == at;
    }
}
