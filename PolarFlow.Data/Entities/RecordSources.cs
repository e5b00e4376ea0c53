namespace PolarFlow.Data.Entities;

/// <summary>Where a synced record came from (its provenance).</summary>
public static class RecordSources
{
    public const string AccessLink = "accesslink";
    public const string Export = "export";

    /// <summary>The record's provenance: its first source, plus the export when an import also held it.</summary>
    public static IReadOnlyList<string> Of(string source, string? exportRaw) => Of(source, exportRaw is not null);

    /// <summary>As <see cref="Of(string, string?)"/>, from whether an export held it (so a query need not read it).</summary>
    public static IReadOnlyList<string> Of(string source, bool alsoExported) =>
        source == Export || !alsoExported ? [source] : [source, Export];
}
