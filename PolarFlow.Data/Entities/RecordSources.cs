namespace PolarFlow.Data.Entities;

/// <summary>Where a synced record came from (its provenance).</summary>
public static class RecordSources
{
    public const string AccessLink = "accesslink";
    public const string Export = "export";

    /// <summary>The record's provenance: its first source, plus the export when an import also held it.</summary>
    public static IReadOnlyList<string> Of(string source, string? exportRaw) =>
        source == Export || exportRaw is null ? [source] : [source, Export];
}
