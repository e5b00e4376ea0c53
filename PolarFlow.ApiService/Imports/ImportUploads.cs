using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PolarFlow.ApiService.Archive;
using PolarFlow.ApiService.Common;
using PolarFlow.ApiService.Imports.Parsing;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports;

/// <summary>
/// Receives an export: the body (raw, or the first file of a multipart form) is streamed to the import folder
/// while its SHA-256 is computed, never held in memory; then the ZIP's directory is read to make sure it is a
/// Polar Flow export before the import is queued with its bytes in the database (<see cref="ImportUploadStore"/>).
/// Anything refused leaves no file and no import behind.
/// </summary>
public sealed class ImportUploads(PolarFlowDbContext db, IOptions<ImportOptions> options, ImportUploadStore uploads,
    ImportProcessor processor, TimeProvider time)
{
    public async Task<Results<Accepted<ImportDto>, ProblemHttpResult>> ReceiveAsync(string userId, HttpRequest request, CancellationToken ct)
    {
        var limit = options.Value.MaxBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (request.ContentLength > limit) return TooLarge(limit);

        Stream body;
        string? fileName = null;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value : null;
        if (mediaType == "multipart/form-data")
        {
            var boundary = HeaderUtilities.RemoveQuotes(type!.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) return Problems.Invalid("body", "The multipart body has no boundary.");
            var reader = new MultipartReader(boundary, request.Body);
            MultipartSection? section;
            ContentDispositionHeaderValue? disposition = null;
            while ((section = await reader.ReadNextSectionAsync(ct)) is not null
                && !(ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out disposition) && disposition.FileName.HasValue))
            {
            }
            if (section is null) return Problems.Invalid("file", "The form has no file; send the export as a file field (e.g. curl -F file=@export.zip).");
            fileName = disposition!.FileName.Value?.Trim('"');
            body = section.Body;
        }
        else if (mediaType is "application/zip" or "application/x-zip-compressed" or "application/octet-stream")
        {
            body = request.Body;
        }
        else
        {
            return TypedResults.Problem(statusCode: 415, title: "Unsupported media type", type: "https://polarflow.dev/problems/validation",
                detail: "Send the export ZIP as application/zip (or application/octet-stream), or as a file in multipart/form-data.");
        }

        Directory.CreateDirectory(options.Value.Directory);
        var id = Guid.CreateVersion7();
        var path = uploads.LocalPath(id);
        long length;
        string sha;
        try
        {
            (length, sha) = await CopyAsync(body, path, limit, ct);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: 413 } or InvalidOperationException { Message: "too large" })
        {
            File.Delete(path);
            return TooLarge(limit);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var (files, problem) = Inspect(path);
        if (problem is not null)
        {
            File.Delete(path);
            return Problems.Invalid("file", problem);
        }

        var same = await db.Imports.Where(i => i.UserId == userId && i.Sha256 == sha).OrderBy(i => i.CreatedAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        var import = new HistoryImport
        {
            Id = id, UserId = userId, FileName = fileName, SizeBytes = length, Sha256 = sha, Node = options.Value.Node,
            FilesTotal = files, CreatedAt = time.GetUtcNow(),
        };
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.Imports.Add(import);
                await db.SaveChangesAsync(ct);
                await ImportUploadStore.SaveAsync(db, import, path, ct);
                await transaction.CommitAsync(ct);
            });
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        processor.Wake();
        return TypedResults.Accepted($"/api/v1/users/{Uri.EscapeDataString(userId)}/imports/{id}", ImportQueries.Describe(import, [], same));
    }

    private static async Task<(long Length, string Sha256)> CopyAsync(Stream body, string path, long limit, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            length += read;
            if (length > limit) throw new InvalidOperationException("too large");
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>
    /// An export: only the ZIP's central directory is read (how many files, and whether any is one PolarFlow reads).
    /// A PolarFlow archive is checked whole (<see cref="ArchiveRestore.Check"/>).
    /// </summary>
    private (int Files, string? Problem) Inspect(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName).ToList();
            if (ArchiveRestore.IsArchive(zip)) return (names.Count, ArchiveRestore.Check(zip, db));
            var readable = names.Count(n => ExportFamilies.Classify(n).SkipReason is null);
            return readable == 0
                ? (names.Count, "This ZIP is not a Polar Flow account export or a PolarFlow archive: "
                    + $"none of its {names.Count} files is a training session, activity, 24/7 heart-rate, sleep, "
                    + "nightly recovery or calendar file, and it has no manifest.json.")
                : (names.Count, null);
        }
        catch (InvalidDataException)
        {
            return (0, "The body is not a ZIP archive; upload the ZIP Polar's 'Download your data' produced, "
                + "or a PolarFlow archive.zip.");
        }
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: 413, title: "Export too large", type: "https://polarflow.dev/problems/too-large",
            detail: $"This server accepts exports up to {limit:N0} bytes (PolarFlow:Imports:MaxBytes).");
}
