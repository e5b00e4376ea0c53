using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Database;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Keys;

/// <summary>
/// Service and user API keys: `pf_{id}_{secret}`. Only the SHA-256 of the whole key is stored; the key is
/// shown once, when it is made. The id finds the row (from memory while PostgreSQL's change feed is live: a revoked
/// key is forgotten by every replica as the revocation commits), the hash (compared in constant time) proves the key.
/// </summary>
public sealed class ApiKeyService(PolarFlowDbContext db, NotifiedCache<ApiKey> live, TimeProvider time)
{
    public sealed record Created(ApiKey Key, string Secret);

    public async Task<Created> CreateAsync(ApiKeyKind kind, string name, string? userId, CancellationToken ct)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = $"pf_{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey { KeyId = id, KeyHash = Hash(secret), Kind = kind, UserId = userId, Name = name, CreatedAt = time.GetUtcNow() };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new Created(key, secret);
    }

    /// <summary>The live key behind a presented secret, or null.</summary>
    public async Task<ApiKey?> FindAsync(string presented, CancellationToken ct)
    {
        var parts = presented.Split('_');
        if (parts is not ["pf", { Length: 12 } id, { Length: > 0 }]) return null;
        var key = await live.GetAsync(id, () =>
            db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyId == id && k.RevokedAt == null, ct));
        return key is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.KeyHash), Encoding.ASCII.GetBytes(Hash(presented))) ? key : null;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '-');
}
