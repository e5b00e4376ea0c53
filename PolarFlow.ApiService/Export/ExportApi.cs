using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Export;

/// <summary>
/// CSV exports, streamed (<see cref="CsvExports"/>), so a ten-year export never sits in memory; and the whole account
/// as one ZIP (<see cref="AccountArchive"/>).
/// </summary>
public static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder user)
    {
        user.MapGet("/export/{type}.csv", async (string userId, string type, [AsParameters] DateWindow window, HttpContext http,
            PolarFlowDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (!CsvExports.Types.Contains(type)) return Problems.Invalid("type", $"type is one of: {string.Join(", ", CsvExports.Types)}.");
            var r = window.Resolve(time);
            if (!await db.Users.AnyAsync(u => u.UserId == userId, ct)) return Problems.UnknownUser(userId);

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{userId}-{type}-{r.From:yyyy-MM-dd}-{r.To:yyyy-MM-dd}.csv\"";
            await CsvExports.WriteAsync(type, db, userId, r, http.Response.Body, ct);
            return Results.Empty;
        }).DisableRequestTimeout()
            .WithName("ExportCsv").WithSummary("Export a data type as CSV")
            .WithDescription($"CSV of one data type ({string.Join(", ", CsvExports.Types)}); sample series are one row per sample; streamed.");
        return user;
    }
}
