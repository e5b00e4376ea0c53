using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator.State;

public sealed class EmulatorUser(SyntheticAthlete athlete, string accessToken)
{
    public SyntheticAthlete Athlete { get; } = athlete;
    public long PolarUserId => Athlete.PolarUserId;
    public string AccessToken { get; set; } = accessToken;
    public bool TokenRevoked { get; set; }
    public string? MemberId { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    public bool Registered => RegisteredAt is not null;
    /// <summary>Polar answers 403 on every user endpoint until the user accepts its consents.</summary>
    public bool ConsentMissing { get; set; }

    /// <summary>Items a committed legacy transaction removed: they never come back in a later one.</summary>
    public HashSet<string> Committed { get; } = [];

    public Dictionary<string, Transaction> OpenTransactions { get; } = [];
}

/// <summary>A legacy transaction: a fixed set of at most 50 items until it is committed.</summary>
public sealed record Transaction(long Id, string Family, IReadOnlyList<string> ItemKeys);
