namespace PolarFlow.Data.Entities;

public enum ApiKeyKind
{
    /// <summary>Any user: for a Laravel front end or other trusted services.</summary>
    Service,
    /// <summary>Its own user only.</summary>
    User,
}
