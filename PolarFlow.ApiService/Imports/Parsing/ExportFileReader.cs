using System.IO.Compression;
using System.Text.Json;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>
/// Reads one entry of the ZIP as a stream (bare NaN rewritten on the way): the files that hold every night
/// (arrays) element by element, the others as one document. Throws on a file it cannot read (truncated, corrupt,
/// not the family's JSON); the caller records that file as failed and goes on.
/// </summary>
public static class ExportFileReader
{
    private static readonly JsonSerializerOptions Options = new() { MaxDepth = 256, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    public static async Task<ExportRecords> ReadAsync(ZipArchiveEntry entry, string family, string userId, CancellationToken ct)
    {
        var records = new ExportRecords();
        await using var stream = new NaNFilterStream(await entry.OpenAsync(ct));
        if (family is ExportFamilies.SleepResult or ExportFamilies.SleepScore or ExportFamilies.NightlyRecovery)
        {
            await foreach (var night in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, Options, ct))
            {
                switch (family)
                {
                    case ExportFamilies.SleepResult: records.Sleep.Add(SleepParsers.Result(userId, night)); break;
                    case ExportFamilies.SleepScore: records.Sleep.Add(SleepParsers.Score(userId, night)); break;
                    default: records.NightlyRecharge.Add(SleepParsers.Recovery(userId, night)); break;
                }
            }
            return records;
        }

        using var document = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 256 }, ct);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException($"a {family} file holds a JSON object; this one holds {root.ValueKind}");
        switch (family)
        {
            case ExportFamilies.TrainingSession: TrainingSessionParser.Parse(userId, root, records); break;
            case ExportFamilies.Activity: DailyParsers.Activity(userId, root, records); break;
            case ExportFamilies.HeartRate: DailyParsers.HeartRateMonth(userId, root, records); break;
            case ExportFamilies.CalendarItems: CalendarParser.Parse(userId, root, records); break;
            default: throw new InvalidOperationException($"{family} is not a family PolarFlow reads");
        }
        return records;
    }
}
