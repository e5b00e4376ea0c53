using Microsoft.AspNetCore.DataProtection;

namespace PolarFlow.Data;

/// <summary>
/// Encrypts Polar access tokens at rest with Data Protection; the key ring lives in the database, so every
/// ApiService and SyncWorker replica can read what another wrote. Tokens never leave this type in plain text
/// except to call Polar.
/// </summary>
public sealed class PolarTokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PolarFlow.PolarAccessToken.v1");

    public string Protect(string accessToken) => _protector.Protect(accessToken);

    public string Unprotect(string encrypted) => _protector.Unprotect(encrypted);
}
