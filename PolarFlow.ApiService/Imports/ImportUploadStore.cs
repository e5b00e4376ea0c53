using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports;

/// <summary>
/// Where an uploaded ZIP waits until its import ends: in PostgreSQL (`import_chunks`, 1 MiB a row), which every
/// replica and the next revision share, with a copy on the local disk of the instance reading it (a ZIP is read by
/// seeking, so the import reads a file; the instance that received the upload has it already).
/// </summary>
public sealed class ImportUploadStore(IOptions<ImportOptions> options)
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>This instance's copy of an import's ZIP.</summary>
    public string LocalPath(Guid importId) => Path.Combine(options.Value.Directory, $"{importId:N}.zip");

    /// <summary>
    /// Stores the ZIP at <paramref name="path"/> in the caller's transaction (so the import and its bytes commit together).
    /// </summary>
    public static async Task SaveAsync(PolarFlowDbContext db, HistoryImport import, string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        var buffer = new byte[ChunkBytes];
        for (var seq = 0; ; seq++)
        {
            var read = await file.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
            if (read == 0) break;
            var data = read == ChunkBytes ? buffer : buffer[..read];
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO polarflow.import_chunks (user_id, import_id, seq, data)
                VALUES ({import.UserId}, {import.Id}, {seq}, {data})
                """, ct);
            if (read < ChunkBytes) break;
        }
    }

    /// <summary>
    /// This instance's copy of the ZIP, written from the database when it has none (another instance received it, or
    /// this one was replaced); null when the database has none either (an upload from before uploads were kept there).
    /// </summary>
    public async Task<string?> EnsureLocalAsync(PolarFlowDbContext db, HistoryImport import, CancellationToken ct)
    {
        var path = LocalPath(import.Id);
        if (File.Exists(path) && new FileInfo(path).Length == import.SizeBytes) return path;
        if (!await db.ImportChunks.AnyAsync(c => c.UserId == import.UserId && c.ImportId == import.Id, ct)) return null;

        Directory.CreateDirectory(options.Value.Directory);
        var part = path + ".part";
        await using (var file = File.Create(part))
        using (PolarFlowExecutionStrategy.Streaming(db)) // a chunk at a time, never the whole ZIP in memory
        {
            var chunks = db.ImportChunks.AsNoTracking().Where(c => c.UserId == import.UserId && c.ImportId == import.Id)
                .OrderBy(c => c.Seq).Select(c => c.Data).AsAsyncEnumerable();
            await foreach (var data in chunks.WithCancellation(ct)) await file.WriteAsync(data, ct);
        }
        File.Move(part, path, overwrite: true);
        return path;
    }

    /// <summary>An ended import's bytes go: its rows, and this instance's copy.</summary>
    public async Task DeleteAsync(PolarFlowDbContext db, HistoryImport import, CancellationToken ct)
    {
        await db.ImportChunks.Where(c => c.UserId == import.UserId && c.ImportId == import.Id).ExecuteDeleteAsync(ct);
        File.Delete(LocalPath(import.Id));
    }
}
