using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports;

/// <summary>An import as the API shows it: its row plus what its files' outcomes add up to.</summary>
public static class ImportQueries
{
    public static async Task<ImportDto> LoadAsync(PolarFlowDbContext db, HistoryImport import, CancellationToken ct)
    {
        var files = await db.ImportFiles.AsNoTracking().Where(f => f.ImportId == import.Id).ToListAsync(ct);
        var same = await db.Imports.AsNoTracking().Where(i => i.UserId == import.UserId && i.Sha256 == import.Sha256 && i.CreatedAt < import.CreatedAt)
            .OrderBy(i => i.CreatedAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        return Describe(import, files, same);
    }

    public static ImportDto Describe(HistoryImport i, IReadOnlyList<HistoryImportFile> files, Guid? sameZipAs)
    {
        var records = new Dictionary<string, ImportCountsDto>();
        foreach (var file in files.Where(f => f.Records is not null))
        {
            foreach (var (table, counts) in JsonSerializer.Deserialize<Dictionary<string, ImportCountsDto>>(file.Records!, JsonSerializerOptions.Web)!)
            {
                records[table] = records.TryGetValue(table, out var sum) ? new ImportCountsDto(sum.Read + counts.Read, sum.Changed + counts.Changed) : counts;
            }
        }
        var skipped = files.Where(f => f.Outcome == HistoryImportFile.Skipped).GroupBy(f => f.Family).ToDictionary(g => g.Key, g => g.Count());
        var errors = files.Where(f => f.Outcome == HistoryImportFile.Failed).OrderBy(f => f.Name).Select(f => new ImportErrorDto(f.Name, f.Error ?? "unknown")).ToList();
        return new ImportDto(i.Id, i.UserId, i.Status.ToString(), i.FileName, i.SizeBytes, i.Sha256, i.FilesTotal, i.FilesDone,
            files.Count(f => f.Outcome == HistoryImportFile.Imported), skipped.Values.Sum(), errors.Count, records, skipped, errors, sameZipAs,
            i.CreatedAt, i.StartedAt, i.FinishedAt, i.Reason);
    }
}
