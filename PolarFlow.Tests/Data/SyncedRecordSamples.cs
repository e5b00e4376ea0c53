using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.Tests.Data;

/// <summary>
/// One record of every synced table, shaped like Polar's examples in docs/polar-accesslink-v3.md, and a change
/// to it that a later sync might bring. Keyed by table name.
/// </summary>
public static class SyncedRecordSamples
{
    public interface ISample
    {
        Type EntityType { get; }
        Task<int> UpsertAsync(PolarFlowDbContext db, string userId, bool changed);
        /// <summary>One record for each user, in one call (many rows: the bulk path).</summary>
        Task<int> UpsertAsync(PolarFlowDbContext db, IReadOnlyList<string> userIds, bool changed);
        /// <summary>The stored record as JSON, without what differs between users and writes (user, times written).</summary>
        Task<string> StoredAsync(PolarFlowDbContext db, string userId);
        Task<int> CountAsync(PolarFlowDbContext db, string userId);
        /// <summary>The raw JSON stored, as PostgreSQL normalises it.</summary>
        Task<string> RawAsync(PolarFlowDbContext db, string userId);
    }

    private sealed class Sample<T>(Func<string, T> make, Action<T> change) : ISample where T : SyncedRecord
    {
        public Type EntityType => typeof(T);

        public Task<int> UpsertAsync(PolarFlowDbContext db, string userId, bool changed)
        {
            var record = make(userId);
            if (changed)
            {
                change(record);
            }
            return db.UpsertAsync([record]);
        }

        public Task<int> UpsertAsync(PolarFlowDbContext db, IReadOnlyList<string> userIds, bool changed)
        {
            var records = userIds.Select(make).ToList();
            if (changed) records.ForEach(change);
            return db.UpsertAsync(records);
        }

        public async Task<string> StoredAsync(PolarFlowDbContext db, string userId)
        {
            var stored = await db.Set<T>().AsNoTracking().SingleAsync(x => x.UserId == userId);
            var json = System.Text.Json.JsonSerializer.SerializeToNode(stored)!.AsObject();
            foreach (var name in new[] { "UserId", "CreatedAt", "UpdatedAt" }) json.Remove(name);
            return json.ToJsonString();
        }

        public Task<int> CountAsync(PolarFlowDbContext db, string userId) => db.Set<T>().CountAsync(x => x.UserId == userId);

        public Task<string> RawAsync(PolarFlowDbContext db, string userId) =>
            db.Set<T>().Where(x => x.UserId == userId).Select(x => x.Raw).SingleAsync();
    }

    private static readonly DateOnly Day = new(2026, 11, 20);

    public static readonly IReadOnlyDictionary<string, ISample> ByTable = new Dictionary<string, ISample>
    {
        ["sleep"] = new Sample<SleepNight>(u => new SleepNight
        {
            UserId = u, Date = Day, Raw = """{"date":"2026-11-20","sleep_score":80,"hypnogram":{"00:39":2}}""",
            SleepStartTime = new DateTimeOffset(2026, 11, 20, 0, 39, 7, TimeSpan.FromHours(3)), SleepStartOffsetMinutes = 180,
            LightSleep = 1000, DeepSleep = 1000, RemSleep = 1000, SleepScore = 80, SleepGoal = 28800,
            Hypnogram = """{"00:39":2,"00:50":3}""", HeartRateSamples = """{"00:41":76}""",
        }, r => { r.SleepScore = 84; r.Raw = """{"date":"2026-11-20","sleep_score":84}"""; }),
        ["nightly_recharge"] = new Sample<NightlyRecharge>(u => new NightlyRecharge
        {
            UserId = u, Date = Day, Raw = """{"date":"2026-11-20","ans_charge":0.0}""", HeartRateVariabilityAvg = 28,
            AnsCharge = 0.0, HrvSamples = """{"00:41":14}""", BreathingSamples = """{"00:39":13.4}""",
        }, r => { r.AnsCharge = 2.5; r.Raw = """{"date":"2026-11-20","ans_charge":2.5}"""; }),
        ["daily_activity"] = new Sample<DailyActivity>(u => new DailyActivity
        {
            UserId = u, Date = Day, Raw = """{"steps":8823}""", Steps = 8823,
            StartTime = new DateTime(2026, 11, 20, 8, 15, 30), ActiveDuration = TimeSpan.FromMinutes(191),
        }, r => { r.Steps = 9001; r.Raw = """{"steps":9001}"""; }),
        ["activity_samples"] = new Sample<ActivitySamples>(u => new ActivitySamples
        {
            UserId = u, Date = Day, Raw = """{"date":"2026-11-20"}""", StepIntervalMs = 60000, TotalSteps = 8823,
            StepSamples = """[{"steps":12,"timestamp":"2026-11-20T00:02"}]""", InactivityStamps = """[{"stamp":"2026-11-20T16:04"}]""",
        }, r => { r.TotalSteps = 9001; r.Raw = """{"date":"2026-11-20","v":2}"""; }),
        ["exercises"] = new Sample<Exercise>(u => new Exercise
        {
            UserId = u, ExerciseId = "ymeoBNZw", Raw = """{"id":"ymeoBNZw","sport":"RUNNING"}""", Sport = "RUNNING",
            StartTime = new DateTime(2026, 11, 20, 13, 27, 37), StartTimeUtcOffsetMinutes = 60,
            Duration = TimeSpan.Parse("00:44:05.252", System.Globalization.CultureInfo.InvariantCulture), CardioLoad = 67.3,
            HeartRateZones = """[{"index":1,"lower_limit":110,"upper_limit":130,"in_zone":"PT4S"}]""",
            TrainingLoadPro = """{"cardio-load":67.3,"muscle-load":-1.0}""",
        }, r => { r.CardioLoad = 70.1; r.Raw = """{"id":"ymeoBNZw","sport":"RUNNING","v":2}"""; }),
        ["exercise_samples"] = new Sample<ExerciseSample>(u => new ExerciseSample
        {
            UserId = u, ExerciseId = "ymeoBNZw", SampleType = 0, RecordingRate = 1, Data = "100,102,null,97",
            Raw = """{"recording_rate":1,"sample_type":0,"data":"100,102,null,97"}""",
        }, r => { r.Data = "100,102,98,97"; r.Raw = """{"recording_rate":1,"sample_type":0,"data":"100,102,98,97"}"""; }),
        ["exercise_routes"] = new Sample<ExerciseRoute>(u => new ExerciseRoute
        {
            UserId = u, ExerciseId = "ymeoBNZw", PointCount = 1, Raw = "[]",
            Points = """[{"latitude":60.21982833,"longitude":25.13925,"time":"PT210.026S"}]""",
        }, r => { r.PointCount = 2; r.Raw = """[{"n":2}]"""; }),
        ["continuous_heart_rate"] = new Sample<ContinuousHeartRateDay>(u => new ContinuousHeartRateDay
        {
            UserId = u, Date = Day, SampleSeconds = [128, 428], HeartRates = [63, 62],
            Raw = """{"date":"2026-11-20","heart_rate_samples":[{"heart_rate":63,"sample_time":"00:02:08"}]}""",
        }, r => { r.SampleSeconds = [128, 428, 728]; r.HeartRates = [63, 62, 61]; r.Raw = """{"v":2}"""; }),
        ["cardio_load"] = new Sample<CardioLoadDay>(u => new CardioLoadDay
        {
            UserId = u, Date = Day, CardioLoadStatus = "LOAD_STATUS_NOT_AVAILABLE", CardioLoad = null, Strain = 0.0,
            Raw = """{"date":"2026-11-20","cardio_load":-1.0}""",
        }, r => { r.CardioLoad = 55.2; r.CardioLoadStatus = "PRODUCTIVE"; r.Raw = """{"cardio_load":55.2}"""; }),
        ["sleepwise_alertness"] = new Sample<SleepWiseAlertness>(u => new SleepWiseAlertness
        {
            UserId = u, PeriodStartTime = new DateTimeOffset(2026, 11, 20, 20, 52, 20, TimeSpan.Zero), ResultType = "ALERTNESS_TYPE_HISTORY",
            Grade = 9.9, HourlyData = "[]", Raw = """{"grade":9.9}""",
        }, r => { r.Grade = 8.1; r.Raw = """{"grade":8.1}"""; }),
        ["sleepwise_bedtime"] = new Sample<SleepWiseBedtime>(u => new SleepWiseBedtime
        {
            UserId = u, PeriodStartTime = new DateTimeOffset(2026, 11, 20, 21, 18, 30, TimeSpan.Zero), ResultType = "CIRCADIAN_BEDTIME_TYPE_HISTORY",
            Quality = "CIRCADIAN_BEDTIME_QUALITY_COMPROMISED", Raw = """{"quality":"CIRCADIAN_BEDTIME_QUALITY_COMPROMISED"}""",
        }, r => { r.Quality = "CIRCADIAN_BEDTIME_QUALITY_CLEARLY_RECOGNIZABLE"; r.Raw = """{"v":2}"""; }),
        ["body_temperature"] = new Sample<BodyTemperaturePeriod>(u => new BodyTemperaturePeriod
        {
            UserId = u, SourceDeviceId = "1111AAAA", StartTime = new DateTime(2026, 11, 20, 4, 0, 0),
            Samples = """[{"temperature_celsius":36.5,"recording_time_delta_milliseconds":123}]""", Raw = """{"measurement_type":"TM_CORE_TEMPERATURE"}""",
        }, r => { r.EndTime = new DateTime(2026, 11, 20, 5, 0, 0); r.Raw = """{"v":2}"""; }),
        ["skin_temperature"] = new Sample<SkinTemperatureNight>(u => new SkinTemperatureNight
        {
            UserId = u, SleepDate = Day, SleepTimeSkinTemperatureCelsius = 36.5, DeviationFromBaselineCelsius = 0.5,
            Raw = """{"sleep_time_skin_temperature_celsius":36.5}""",
        }, r => { r.DeviationFromBaselineCelsius = -0.2; r.Raw = """{"v":2}"""; }),
        ["skin_contacts"] = new Sample<SkinContactPeriod>(u => new SkinContactPeriod
        {
            UserId = u, SourceDeviceId = "1111AAAA", StartTime = new DateTime(2026, 11, 20, 4, 0, 0),
            SkinContactChanges = """[{"skin_contact":true,"recording_time_delta_milliseconds":123}]""", Raw = "{}",
        }, r => { r.SkinContactChanges = "[]"; r.Raw = """{"v":2}"""; }),
        ["ecg_tests"] = new Sample<EcgTest>(u => new EcgTest
        {
            UserId = u, TestTime = 1697787256, SourceDeviceId = "1111AAAA", AverageHeartRateBpm = 60,
            Samples = """[{"recording_time_delta_ms":123,"amplitude_mv":0.1}]""", Raw = """{"test_time":1697787256}""",
        }, r => { r.AverageHeartRateBpm = 61; r.Raw = """{"v":2}"""; }),
        ["spo2_tests"] = new Sample<Spo2Test>(u => new Spo2Test
        {
            UserId = u, TestTime = 1697787256, SourceDeviceId = "1111AAAA", BloodOxygenPercent = 95, Raw = """{"blood_oxygen_percent":95}""",
        }, r => { r.BloodOxygenPercent = 97; r.Raw = """{"blood_oxygen_percent":97}"""; }),
        ["physical_info"] = new Sample<PhysicalInfoSnapshot>(u => new PhysicalInfoSnapshot
        {
            UserId = u, ModifiedAt = new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero), Weight = 70.5, MaximumHeartRate = 190,
            SleepGoal = TimeSpan.FromHours(8), Raw = """{"weight":70.5,"sleep_goal":"PT8H"}""",
        }, r => { r.Weight = 71.0; r.Raw = """{"weight":71.0,"sleep_goal":"PT8H"}"""; }),
    };
}
