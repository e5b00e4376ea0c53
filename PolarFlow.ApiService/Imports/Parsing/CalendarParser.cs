using System.Text.Json;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>
/// Calendar items: physical information versions (keyed by their time, as AccessLink's `modified`) and weigh-ins.
/// A weigh-in that a physical-information version of the same day already records is not a second record.
/// </summary>
public static class CalendarParser
{
    public static void Parse(string userId, JsonElement root, ExportRecords into)
    {
        if (root.Path("physicalInformations") is { ValueKind: JsonValueKind.Array } infos)
        {
            foreach (var p in infos.EnumerateArray())
            {
                if (p.Instant("dateTime") is not { } at) continue;
                var raw = ExportJson.Raw(ExportFamilies.CalendarItems, p);
                into.PhysicalInfo.Add(new PhysicalInfoSnapshot
                {
                    UserId = userId, ModifiedAt = at.ToUniversalTime(), Source = RecordSources.Export, Raw = ExportJson.NoAccessLinkJson, ExportRaw = raw,
                    Weight = p.Num("weight"), Height = p.Num("height"), Birthday = p.Date("birthday"), Gender = p.Str("gender"),
                    MaximumHeartRate = p.Int("maximumHeartRate"), RestingHeartRate = p.Int("restingHeartRate"), AerobicThreshold = p.Int("aerobicThreshold"),
                    AnaerobicThreshold = p.Int("anaerobicThreshold"), Vo2Max = p.Int("vo2Max"), SleepGoal = p.Duration("sleepGoal"),
                });
            }
        }
        if (root.Path("weights") is not { ValueKind: JsonValueKind.Array } weights) return;
        foreach (var w in weights.EnumerateArray())
        {
            if (w.Date("date") is not { } date || w.Num("weight") is not { } kg) continue;
            if (into.PhysicalInfo.Any(p => DateOnly.FromDateTime(p.ModifiedAt.UtcDateTime) == date && p.Weight == kg)) continue;
            var raw = ExportJson.Raw("weight", w);
            into.PhysicalInfo.Add(new PhysicalInfoSnapshot
            {
                UserId = userId, ModifiedAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Source = RecordSources.Export,
                Raw = ExportJson.NoAccessLinkJson, ExportRaw = raw, Weight = kg, WeightSource = "export_weigh_in",
            });
        }
    }
}
