using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolarFlow.ApiService.Imports;
using PolarFlow.ApiService.Imports.Parsing;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Files;

namespace PolarFlow.ApiService.Archive;

/// <summary>
/// Takes a PolarFlow archive (<see cref="AccountArchive"/>) back through `POST …/imports`: checked whole when it is
/// uploaded (manifest, every line of every table, every file's SHA-256), so a damaged or foreign archive is refused
/// before anything is written; then restored entry by entry like an export. Rows fill gaps (nothing the server holds
/// is overwritten), so a second import of the same archive changes nothing.
/// </summary>
public static class ArchiveRestore
{
    public const string TableFamily = "archive_table", FileFamily = "archive_file", UserFamily = "archive_user", DerivedFamily = "archive_derived";

    /// <summary>Whether the ZIP is a PolarFlow archive (a manifest at its root) rather than a Polar export.</summary>
    public static bool IsArchive(ZipArchive zip) => zip.GetEntry(AccountArchive.ManifestEntry) is not null;

    /// <returns>Why the archive cannot be restored, or null when every part of it is whole.</returns>
    public static string? Check(ZipArchive zip, PolarFlowDbContext db)
    {
        ArchiveManifest? manifest;
        try
        {
            using var stream = zip.GetEntry(AccountArchive.ManifestEntry)!.Open();
            manifest = JsonSerializer.Deserialize<ArchiveManifest>(stream, ArchiveTable.Json);
        }
        catch (JsonException ex)
        {
            return $"manifest.json is not a PolarFlow archive manifest ({ex.Message}).";
        }
        if (manifest is not { Format: AccountArchive.Format, Tables: not null })
            return "This ZIP has a manifest.json, but it is not a PolarFlow archive (its format is not polarflow-archive).";
        if (manifest.SchemaVersion != AccountArchive.SchemaVersion)
            return $"This archive has schema version {manifest.SchemaVersion}; this server reads version {AccountArchive.SchemaVersion}.";

        var tables = ArchiveTable.All(db).ToDictionary(t => t.Name);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, info) in manifest.Tables)
        {
            if (!tables.TryGetValue(name, out var table)) return $"The archive holds a table this server does not know: {name}.";
            if (zip.GetEntry(table.Entry) is not { } entry) return $"The manifest lists {table.Entry}, but the archive does not hold it.";
            try
            {
                var rows = table.Read(Lines(entry), "check");
                if (rows.Count != info.Rows) return $"{table.Entry} holds {rows.Count} rows; the manifest says {info.Rows}.";
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
            {
                return $"{table.Entry} cannot be read: {ex.Message}";
            }
            if (name != "exercise_files") continue;
            foreach (var line in Lines(entry).Where(l => l.Length > 0))
            {
                var file = JsonSerializer.Deserialize<ExerciseFile>(line, ArchiveTable.Json)!;
                if (file.Status == ExerciseFileStatus.Stored)
                    stored[AccountArchive.FileEntry(new(file.UserId, file.ExerciseId, file.Format, file.Source))] = file.Sha256 ?? "";
            }
        }

        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("files/", StringComparison.Ordinal) && !e.FullName.EndsWith('/')))
        {
            if (!stored.Remove(entry.FullName, out var sha)) return $"{entry.FullName} is not among the archive's exercise files.";
            try
            {
                using var content = entry.Open();
                if (Convert.ToHexStringLower(SHA256.HashData(content)) != sha) return $"{entry.FullName} is not the file its SHA-256 names.";
            }
            catch (InvalidDataException ex)
            {
                return $"{entry.FullName} is damaged in the ZIP: {ex.Message}";
            }
        }
        return stored.Count == 0 ? null : $"The archive lacks {stored.Count} exercise files its table lists, e.g. {stored.Keys.First()}.";
    }

    /// <summary>What one entry restores; derived entries (CSV, analytics, README, manifest) are skipped.</summary>
    public static async Task<ImportFileWriter.FileOutcome> ReadAsync(ZipArchiveEntry entry, IReadOnlyDictionary<string, ArchiveTable> tables,
        string userId, CancellationToken ct)
    {
        var name = entry.FullName;
        var records = new ExportRecords();
        if (name.StartsWith("data/", StringComparison.Ordinal) && name.EndsWith(".jsonl", StringComparison.Ordinal)
            && tables.TryGetValue(name[5..^6], out var table))
        {
            records.ArchiveRows.Add(table.Read(Lines(entry), userId));
            return new(name, TableFamily, HistoryImportFile.Imported, records, null);
        }
        if (name.StartsWith("files/", StringComparison.Ordinal) && name.Split('/') is [_, var exercise, var file])
        {
            await using var stream = await entry.OpenAsync(ct);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, ct);
            var key = new ExerciseFileKey(userId, exercise, Path.GetExtension(file).TrimStart('.'), Path.GetFileNameWithoutExtension(file));
            records.ArchiveFiles.Add((key, bytes.ToArray()));
            return new(name, FileFamily, HistoryImportFile.Imported, records, null);
        }
        if (name == AccountArchive.UserEntry)
        {
            await using var stream = await entry.OpenAsync(ct);
            records.ArchivedUser = await JsonSerializer.DeserializeAsync<ArchivedUser>(stream, ArchiveTable.Json, ct);
            return new(name, UserFamily, HistoryImportFile.Imported, records, null);
        }
        return new(name, DerivedFamily, HistoryImportFile.Skipped, null, "derived from the tables (CSV, analytics, README, manifest): nothing to restore");
    }

    private static IEnumerable<string> Lines(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        while (reader.ReadLine() is { } line) yield return line;
    }
}
