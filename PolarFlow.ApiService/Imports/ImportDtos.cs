namespace PolarFlow.ApiService.Imports;

/// <summary>An import's progress and outcome.</summary>
public sealed record ImportDto(
    Guid Id, string UserId, string Status, string? FileName, long SizeBytes, string Sha256, int FilesTotal, int FilesDone,
    int FilesImported, int FilesSkipped, int FilesFailed, IReadOnlyDictionary<string, ImportCountsDto> Records,
    IReadOnlyDictionary<string, int> SkippedByFamily, IReadOnlyList<ImportErrorDto> Errors, Guid? SameZipAs,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Reason);

/// <summary>Records read from the export and, of those, inserted or changed (a re-import changes none).</summary>
public sealed record ImportCountsDto(int Read, int Changed);

public sealed record ImportErrorDto(string File, string Reason);

public sealed record ImportListDto(string UserId, int Count, IReadOnlyList<ImportDto> Items);
