namespace PolarFlow.Data.Entities;

public enum ConnectionState
{
    /// <summary>Created by the API, no Polar token yet.</summary>
    NotConnected,
    Connected,
    /// <summary>Polar answered 401: the token was revoked or expired; the user must authorize again.</summary>
    TokenRevoked,
    /// <summary>Polar answered 403: the user has not accepted Polar's mandatory consents.</summary>
    ConsentMissing,
}
