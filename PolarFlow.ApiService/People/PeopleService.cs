using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.People;

/// <summary>
/// The dashboard's people: one-time links (the owner's setup link, invitations), password sign-in with
/// slow-down and lockout. Passwords are hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>;
/// link tokens are stored as SHA-256 only.
/// </summary>
public sealed class PeopleService(PolarFlowDbContext db, TimeProvider time)
{
    public const int LockoutAfter = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SetupLinkLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private static readonly PasswordHasher<Person> Hasher = new();

    public enum SignInOutcome { Success, WrongCredentials, LockedOut }

    public sealed record SignInResult(SignInOutcome Outcome, Person? Person, DateTimeOffset? LockedUntil);

    public sealed record LinkCreated(string Token, DateTimeOffset ExpiresAt);

    public Task<bool> OwnerExistsAsync(CancellationToken ct) => db.People.AnyAsync(p => p.Role == PersonRole.Owner, ct);

    /// <summary>A new setup link; any older one stops working.</summary>
    public async Task<LinkCreated> CreateSetupLinkAsync(CancellationToken ct)
    {
        await db.PersonLinks.Where(l => l.Role == PersonRole.Owner).ExecuteDeleteAsync(ct);
        return await AddLinkAsync(PersonRole.Owner, null, SetupLinkLifetime, ct);
    }

    public Task<LinkCreated> CreateInvitationAsync(string userId, CancellationToken ct) =>
        AddLinkAsync(PersonRole.Member, userId, InvitationLifetime, ct);

    /// <summary>The live link behind a token, or null when it is unknown, used or expired.</summary>
    public async Task<PersonLink?> FindLinkAsync(string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = time.GetUtcNow();
        return await db.PersonLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now, ct);
    }

    /// <summary>Creates the person a link is for and spends the link, in one transaction.</summary>
    public async Task<Person?> ClaimAsync(string token, string username, string password, CancellationToken ct)
    {
        var hash = Hash(token);
        var now = time.GetUtcNow();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Spending the link first, in the same transaction, means two claims of one link cannot both succeed.
            var spent = await db.PersonLinks.Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
            if (spent == 0) return null;
            var link = await db.PersonLinks.AsNoTracking().SingleAsync(l => l.TokenHash == hash, ct);
            var person = new Person
            {
                PersonId = Guid.NewGuid(), Username = username, PasswordHash = "", Role = link.Role, UserId = link.UserId, CreatedAt = now,
            };
            person.PasswordHash = Hasher.HashPassword(person, password);
            db.People.Add(person);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return person;
        });
    }

    public async Task<SignInResult> SignInAsync(string username, string password, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var person = await db.People.SingleOrDefaultAsync(p => p.Username == username, ct);
        if (person is null)
        {
            // The same cost as a wrong password, so an answer never tells which usernames exist.
            Hasher.VerifyHashedPassword(new Person { Username = username, PasswordHash = "" }, DummyHash, password);
            await SlowDownAsync(1, ct);
            return new SignInResult(SignInOutcome.WrongCredentials, null, null);
        }
        if (person.LockedUntil > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null, person.LockedUntil);
        }
        var verdict = Hasher.VerifyHashedPassword(person, person.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            person.FailedSignIns++;
            if (person.FailedSignIns >= LockoutAfter)
            {
                person.LockedUntil = now + LockoutFor;
                person.FailedSignIns = 0;
            }
            await db.SaveChangesAsync(ct);
            await SlowDownAsync(person.FailedSignIns == 0 ? LockoutAfter : person.FailedSignIns, ct);
            return person.LockedUntil > now
                ? new SignInResult(SignInOutcome.LockedOut, null, person.LockedUntil)
                : new SignInResult(SignInOutcome.WrongCredentials, null, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) person.PasswordHash = Hasher.HashPassword(person, password);
        person.FailedSignIns = 0;
        person.LockedUntil = null;
        person.LastSignInAt = now;
        await db.SaveChangesAsync(ct);
        return new SignInResult(SignInOutcome.Success, person, null);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<LinkCreated> AddLinkAsync(PersonRole role, string? userId, TimeSpan lifetime, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        db.PersonLinks.Add(new PersonLink { TokenHash = Hash(token), Role = role, UserId = userId, CreatedAt = now, ExpiresAt = now + lifetime });
        await db.SaveChangesAsync(ct);
        return new LinkCreated(token, now + lifetime);
    }

    /// <summary>Each failure in a row costs the next answer more (a quarter second each, two at most).</summary>
    private static Task SlowDownAsync(int failures, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 250 * failures)), ct);

    private static readonly string DummyHash = Hasher.HashPassword(new Person { Username = "", PasswordHash = "" }, "not a password");
}
