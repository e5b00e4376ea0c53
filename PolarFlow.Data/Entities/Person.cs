namespace PolarFlow.Data.Entities;

/// <summary>
/// Someone who signs in to the dashboard: the owner (sees every user) or an invited person (sees only
/// <see cref="UserId"/>). Only a hash of the password is kept (ASP.NET Core's password hasher).
/// </summary>
public sealed class Person
{
    public Guid PersonId { get; set; }
    public required string Username { get; set; }
    public required string PasswordHash { get; set; }
    public PersonRole Role { get; set; }
    /// <summary>The one user an invited person may see; null for the owner.</summary>
    public string? UserId { get; set; }
    /// <summary>Failed sign-ins since the last success; each slows the next answer, five lock the account.</summary>
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}
