using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.Endpoints;
using PolarFlow.AccessLink.Emulator.State;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator.Export;

/// <summary>
/// The athlete's whole life as a Polar Flow "Download your data" ZIP, with the same ground truth the API serves
/// (and the history before Polar's windows). `generation`: `new` (training-session_… v4-shaped files), `old`
/// (training-session-… with `exportVersion`), or `mixed` (old for the first half of the life, new after).
/// New-generation sessions write the dropout as a bare `NaN` in even-numbered files and as `"NaN"` in odd ones.
/// </summary>
public static class FlowExport
{
    public static readonly string[] Generations = ["new", "old", "mixed"];
    private const string BareNaN = "__bare_NaN__";

    public static void Write(Stream output, EmulatorUser user, EmulatorClock clock, string generation)
    {
        var athlete = user.Athlete;
        var today = user.Today(clock);
        var nights = user.EndedNights(clock, athlete.FirstDay, today).ToList();
        var days = user.CompletedDays(clock, athlete.FirstDay, today).ToList();
        var exercises = days.Concat(nights.Where(n => n.Date == today)).SelectMany(d => d.Exercises).Where(e => e.UploadTime <= clock.UtcNow).ToList();
        var rng = new Random(unchecked((int)user.PolarUserId));
        string Id() => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)rng.Next(256)).ToArray()).ToString();
        var folder = $"polar-user-data-export_{user.PolarUserId}/";
        var middle = athlete.FirstDay.AddDays((today.DayNumber - athlete.FirstDay.DayNumber) / 2);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        void Add(string name, JsonNode json, bool bareNaN = false)
        {
            var text = json.ToJsonString();
            AddText(name, bareNaN ? text.Replace($"\"{BareNaN}\"", "NaN", StringComparison.Ordinal) : text);
        }

        void AddText(string name, string text)
        {
            var entry = zip.CreateEntry(folder + name, CompressionLevel.Fastest);
            entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        Add($"account-profile-{Id()}.json", new JsonObject { ["username"] = $"athlete{user.PolarUserId}@example.com", ["firstName"] = "Synthetic" });
        Add($"products-devices-{Id()}.json", new JsonObject { ["devices"] = new JsonArray(new JsonObject { ["modelName"] = "Polar Vantage M" }) });
        for (var n = 0; n < exercises.Count; n++)
        {
            var e = exercises[n];
            var old = generation == "old" || (generation == "mixed" && e.Date < middle);
            if (old)
            {
                Add($"training-session-{e.Date:yyyy-MM-dd}-{n}-{Id()}.json", FlowExportJson.SessionOld(e));
            }
            else
            {
                var bare = n % 2 == 0;
                var stem = $"training-session_{e.LocalStart:yyyy-MM-dd'T'HH-mm-ss}_{n}-{Id()}";
                Add(stem + ".json",
                    FlowExportJson.SessionNew(e, (100_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture), JsonValue.Create(bare ? BareNaN : "NaN")!), bare);
                // The session's TCX (and GPX with GPS) beside its JSON, as some exports hold them.
                AddText(stem + ".tcx", ExerciseFiles.Tcx(e));
                if (e.Route is not null) AddText(stem + ".gpx", ExerciseFiles.Gpx(e));
            }
        }
        foreach (var day in days) Add($"activity-{day.Date:yyyy-MM-dd}-{Id()}.json", FlowExportJson.Activity(day.Activity));
        foreach (var month in days.GroupBy(d => (d.Date.Year, d.Date.Month)))
        {
            Add($"247ohr_{month.Key.Year}_{month.Key.Month:00}-{Id()}.json", FlowExportJson.HeartRateMonth(user.PolarUserId, month));
        }
        Add($"sleep_result_{user.PolarUserId}-{Id()}.json", new JsonArray([.. nights.Select(d => (JsonNode)FlowExportJson.SleepResult(d.Sleep))]));
        Add($"sleep_score_{user.PolarUserId}-{Id()}.json", new JsonArray([.. nights.Select(d => (JsonNode)FlowExportJson.SleepScore(d.Sleep))]));
        Add($"nightly_recovery_{user.PolarUserId}-{Id()}.json", new JsonArray([.. nights.Select(d => (JsonNode)FlowExportJson.NightlyRecovery(d.Recharge))]));
        Add($"calendar-items-{Id()}.json", FlowExportJson.CalendarItems(athlete.PhysicalInfo(clock.UtcNow)));
    }
}
