using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol;
using PolarFlow.ApiService.Auth;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Mcp;

/// <summary>
/// Who an MCP call is for, from the same API keys as REST: a user key answers for its own user only; a service or
/// admin key must name the user in each call. Every refusal is an <see cref="McpException"/>, which the SDK sends
/// back as a tool error the assistant can read and act on.
/// </summary>
public sealed class McpCaller(IHttpContextAccessor http, PolarFlowDbContext db,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public const string UserIdHelp =
        "The PolarFlow user id. Leave out with a user's own key; required with a service or admin key.";

    public async Task<string> UserAsync(string? userId, CancellationToken ct)
    {
        var principal = http.HttpContext?.User ?? throw new McpException("No API key came with the call.");
        if (principal.IsInRole(ApiKeyAuthentication.UserRole))
        {
            var own = principal.FindFirstValue(ApiKeyAuthentication.UserIdClaim)!;
            if (userId is { Length: > 0 } && userId != own)
                throw new McpException($"This key answers for user '{own}' only; leave user_id out or pass '{own}'.");
            userId = own;
        }
        else if (string.IsNullOrWhiteSpace(userId))
        {
            throw new McpException("Name the user: this key reaches every user, so user_id is required.");
        }
        if (!principal.MayAccess(userId)) throw new McpException($"This key may not reach user '{userId}'.");
        if (!await db.Users.AsNoTracking().AnyAsync(u => u.UserId == userId, ct))
            throw new McpException($"There is no user '{userId}'.");
        return userId;
    }

    /// <summary>A tool's answer: the line to quote and the record it is about, in the REST API's JSON.</summary>
    public string Answer<T>(string say, T value) =>
        JsonSerializer.Serialize(new { say, answer = value }, json.Value.SerializerOptions);

    /// <summary>A date argument (YYYY-MM-DD) or null; anything else is a tool error naming the argument.</summary>
    public static DateOnly? Date(string? value, string argument) =>
        value is null or "" ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
        : throw new McpException($"{argument} must be a date as YYYY-MM-DD, not '{value}'.");
}
