using System.IO.Compression;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolarFlow.ApiService.Archive;
using PolarFlow.ApiService.Imports.Parsing;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports;

/// <summary>
/// Works through the imports one at a time, file by file, on whichever replica takes each first (a lease, as the
/// sync's jobs have: the heartbeat is renewed while it runs). An import left running (its instance stopped
/// mid-import or was replaced, or an attempt failed) is taken again, by this instance at once or by any after
/// <see cref="StaleAfter"/>, and resumes after its last committed file; it fails with the reason when its ZIP is gone
/// or it has been interrupted <see cref="ImportOptions.MaxAttempts"/> times.
/// </summary>
public sealed partial class ImportProcessor(IServiceScopeFactory scopes, IOptions<ImportOptions> options,
    ImportUploadStore uploads, TimeProvider time, ILogger<ImportProcessor> logger) : BackgroundService
{
    /// <summary>A running import whose heartbeat is older than this was interrupted: any instance may take it.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(15);

    /// <summary>Whole files go to the database together, up to this many files or records a commit.</summary>
    private const int FilesPerCommit = 100;
    private const int RecordsPerCommit = 20_000;

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>A new upload is waiting.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The migration service has run (hosted services start in order), and nothing of this instance runs yet.
            await RequeueInterruptedAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                bool worked;
                try
                {
                    worked = await RunNextAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogProcessorFailed(logger, ex);
                    worked = false;
                }
                if (worked) continue;
                try
                {
                    // Idle, so nothing of this instance is in progress: an import left running (a failure above) is
                    // queued again; its attempts count up to the limit, so it cannot loop for ever.
                    await RequeueInterruptedAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogProcessorFailed(logger, ex);
                }
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                poll.CancelAfter(TimeSpan.FromSeconds(5));
                try { await _wake.Reader.ReadAsync(poll.Token); } catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an import in progress stays running and resumes at the next start.
        }
    }

    /// <summary>Imports this instance left running when it stopped go back to the queue, to resume after their last finished file.</summary>
    public async Task<int> RequeueInterruptedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var node = options.Value.Node;
        return await scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>().Imports
            .Where(i => i.Node == node && i.Status == HistoryImportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, HistoryImportStatus.Queued), ct);
    }

    /// <returns>Whether there was an import to work on.</returns>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>();
        var import = await ClaimAsync(db, ct);
        if (import is null) return false;

        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var beating = BeatAsync(import, heartbeat.Token);
        try
        {
            await RunAsync(scope, db, import, ct);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
        }
        return true;
    }

    /// <summary>The oldest queued import, or one whose instance stopped beating, taken (SKIP LOCKED).</summary>
    private async Task<HistoryImport?> ClaimAsync(PolarFlowDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var imports = await db.Imports.FromSqlInterpolated($"""
            UPDATE polarflow.imports AS i SET status = 'Running', node = {options.Value.Node}, heartbeat_at = {now},
                   started_at = COALESCE(i.started_at, {now}), attempts = i.attempts + 1
            WHERE i.id = (
                SELECT id FROM polarflow.imports
                WHERE status = 'Queued'
                   OR (status = 'Running' AND (heartbeat_at IS NULL OR heartbeat_at < {now - StaleAfter}))
                ORDER BY created_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING i.*
            """).AsNoTracking().ToListAsync(ct);
        return imports.SingleOrDefault();
    }

    private async Task BeatAsync(HistoryImport import, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(HeartbeatEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>();
                    await db.Imports.Where(i => i.Id == import.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAt, time.GetUtcNow()), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogHeartbeatMissed(logger, import.Id, ex.Message); // the next beat tries again; the import goes on
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(AsyncServiceScope scope, PolarFlowDbContext db, HistoryImport import,
        CancellationToken ct)
    {
        if (import.Attempts > options.Value.MaxAttempts)
        {
            await FinishAsync(db, import, HistoryImportStatus.Failed, $"The import was interrupted {options.Value.MaxAttempts} times; a file in it may stop the server.", ct);
            return;
        }
        var path = await uploads.EnsureLocalAsync(db, import, ct);
        if (path is null)
        {
            await FinishAsync(db, import, HistoryImportStatus.Failed,
                "The uploaded ZIP is no longer stored; upload it again.", ct);
            return;
        }
        LogStarted(logger, import.Id, import.UserId, import.Attempts, import.Node);

        var writer = scope.ServiceProvider.GetRequiredService<ImportFileWriter>();
        var done = (await db.ImportFiles.Where(f => f.ImportId == import.Id).Select(f => f.Name).ToListAsync(ct)).ToHashSet();
        // Two cores, two stages: the next batch is read and parsed while the previous one is written.
        var batches = Channel.CreateBounded<List<ImportFileWriter.FileOutcome>>(1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(async () =>
        {
            try
            {
                using var zip = ZipFile.OpenRead(path);
                var tables = ArchiveRestore.IsArchive(zip) ? ArchiveTable.All(db).ToDictionary(t => t.Name) : null;
                var sessionFiles = zip.Entries.Where(e => ExportFamilies.SessionFileFormat(e.FullName) is not null)
                    .ToLookup(e => ExportFamilies.Stem(e.FullName));
                var sessions = zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Select(ExportFamilies.Stem).ToHashSet();
                var batch = new List<ImportFileWriter.FileOutcome>();
                foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/') && !done.Contains(e.FullName)))
                {
                    batch.Add(tables is not null ? await ArchiveRestore.ReadAsync(entry, tables, import.UserId, stop.Token)
                        : await ReadAsync(import, entry, sessionFiles, sessions, stop.Token));
                    if (batch.Count < FilesPerCommit && batch.Sum(f => f.Records?.Count ?? 0) < RecordsPerCommit) continue;
                    await batches.Writer.WriteAsync(batch, stop.Token);
                    batch = [];
                }
                if (batch.Count > 0) await batches.Writer.WriteAsync(batch, stop.Token);
                batches.Writer.Complete();
            }
            catch (Exception ex)
            {
                batches.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token)) await writer.WriteAsync(import, batch, stop.Token);
        }
        finally
        {
            await stop.CancelAsync(); // a failed write stops the reading too
            await reading;
        }

        db.ChangeTracker.Clear();
        var outcomes = await db.ImportFiles.Where(f => f.ImportId == import.Id).GroupBy(f => f.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(string outcome) => outcomes.FirstOrDefault(o => o.Key == outcome)?.Count ?? 0;
        var (imported, failed) = (Count(HistoryImportFile.Imported), Count(HistoryImportFile.Failed));
        var status = failed == 0 ? HistoryImportStatus.Succeeded : imported > 0 ? HistoryImportStatus.PartiallySucceeded : HistoryImportStatus.Failed;
        var reason = failed == 0 ? null : $"{failed} of {imported + failed} files could not be read; see errors.";
        await FinishAsync(db, import, status, reason, ct);
        LogFinished(logger, import.Id, status, imported, failed);
    }

    private async Task<ImportFileWriter.FileOutcome> ReadAsync(HistoryImport import, ZipArchiveEntry entry,
        ILookup<string, ZipArchiveEntry> sessionFiles, HashSet<string> sessions, CancellationToken ct)
    {
        var (family, skip) = ExportFamilies.Classify(entry.FullName);
        if (skip is not null) return new(entry.FullName, family, HistoryImportFile.Skipped, null, skip);
        if (family == ExportFamilies.TrainingSessionFile)
        {
            // Stored with its session's JSON, which names the exercise it belongs to.
            return sessions.Contains(ExportFamilies.Stem(entry.FullName))
                ? new(entry.FullName, family, HistoryImportFile.Imported, null, null)
                : new(entry.FullName, family, HistoryImportFile.Skipped, null, "no training-session JSON beside it says which session it is");
        }
        try
        {
            var records = await ExportFileReader.ReadAsync(entry, family, import.UserId, ct);
            if (family == ExportFamilies.TrainingSession && records.Exercises.Count == 1)
            {
                foreach (var file in sessionFiles[ExportFamilies.Stem(entry.FullName)])
                {
                    await using var stream = await file.OpenAsync(ct);
                    using var bytes = new MemoryStream();
                    await stream.CopyToAsync(bytes, ct);
                    records.ExerciseFiles.Add((records.Exercises[0], ExportFamilies.SessionFileFormat(file.FullName)!, bytes.ToArray(), file.Name));
                }
            }
            return new(entry.FullName, family, HistoryImportFile.Imported, records, null);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or FormatException or IOException or OverflowException)
        {
            LogFileFailed(logger, import.Id, entry.FullName, ex.Message);
            return new(entry.FullName, family, HistoryImportFile.Failed, null, Describe(ex));
        }
    }

    /// <summary>
    /// Ends the import; its ZIP goes (from the database and this disk) in the same transaction, so whoever sees the
    /// import ended finds its bytes gone, and an import whose bytes are gone is never left looking unfinished.
    /// </summary>
    private async Task FinishAsync(PolarFlowDbContext db, HistoryImport import, HistoryImportStatus status, string? reason, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Imports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status)
                .SetProperty(i => i.Reason, reason).SetProperty(i => i.FinishedAt, time.GetUtcNow()), ct);
            await uploads.DeleteAsync(db, import, ct);
            await transaction.CommitAsync(ct);
        });

    private static string Describe(Exception ex) => ex switch
    {
        System.Text.Json.JsonException j => $"not valid JSON for its family: {j.Message}",
        InvalidDataException => $"the file is damaged in the ZIP (truncated or corrupt): {ex.Message}",
        _ => ex.Message,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing imports failed; the import is queued again while attempts remain")]
    private static partial void LogProcessorFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import {ImportId} for {UserId} started (attempt {Attempt}) on {Node}")]
    private static partial void LogStarted(ILogger logger, Guid importId, string userId, int attempt, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId}: its heartbeat could not be renewed: {Reason}")]
    private static partial void LogHeartbeatMissed(ILogger logger, Guid importId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId}: {File} could not be read: {Reason}")]
    private static partial void LogFileFailed(ILogger logger, Guid importId, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} ended {Status}: {Imported} files imported, {Failed} failed")]
    private static partial void LogFinished(ILogger logger, Guid importId, HistoryImportStatus status, int imported, int failed);
}
