namespace PolarFlow.AccessLink.Models;

/// <summary>`/v3/users` (kebab-case keys on the wire).</summary>
public sealed class PolarUser : PolarRecord
{
    public long PolarUserId { get; init; }
    public string? MemberId { get; init; }
    public DateTimeOffset? RegistrationDate { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public DateOnly? Birthdate { get; init; }
    public string? Gender { get; init; }
    public double? Weight { get; init; }
    public double? Height { get; init; }
    public List<UserExtraInfo> ExtraInfo { get; init; } = [];
}

public sealed class UserExtraInfo
{
    public string? Value { get; init; }
    public int Index { get; init; }
    public string? Name { get; init; }
}
