using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>What one export file yields, as the rows the sync writes (provenance `export`, the export's JSON kept).</summary>
public sealed class ExportRecords
{
    public List<Exercise> Exercises { get; } = [];
    public List<ExerciseSample> ExerciseSamples { get; } = [];
    public List<DailyActivity> Activity { get; } = [];
    public List<ActivitySamples> ActivitySamples { get; } = [];
    public List<ContinuousHeartRateDay> HeartRate { get; } = [];
    public List<SleepNight> Sleep { get; } = [];
    public List<Data.Entities.NightlyRecharge> NightlyRecharge { get; } = [];
    public List<PhysicalInfoSnapshot> PhysicalInfo { get; } = [];
    /// <summary>Files the export held beside a session; the exercise's id is read when they are written (it may be matched).</summary>
    public List<(Exercise Exercise, string Format, byte[] Content, string Name)> ExerciseFiles { get; } = [];

    /// <summary>What a PolarFlow archive restores: table rows, file bytes, and the user's Polar facts.</summary>
    public List<Archive.ArchiveRows> ArchiveRows { get; } = [];
    public List<(Data.Files.ExerciseFileKey Key, byte[] Content)> ArchiveFiles { get; } = [];
    public Archive.ArchivedUser? ArchivedUser { get; set; }

    public int Count => Exercises.Count + ExerciseSamples.Count + Activity.Count + ActivitySamples.Count + HeartRate.Count + Sleep.Count
        + NightlyRecharge.Count + PhysicalInfo.Count + ExerciseFiles.Count
        + ArchiveRows.Sum(r => r.Count) + ArchiveFiles.Count;
}
