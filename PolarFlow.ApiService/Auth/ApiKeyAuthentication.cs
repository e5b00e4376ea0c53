using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PolarFlow.ApiService.Auth;

/// <summary>
/// API keys, as `X-API-Key` or `Authorization: Bearer`. The admin key comes from configuration
/// (`PolarFlow:AdminApiKey`, an AppHost secret parameter) and is compared in constant time by its hash;
/// service and user keys are looked up (hashed) in the database.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string AdminKeySetting = "PolarFlow:AdminApiKey";
    /// <summary>The dashboard's own credential (an AppHost secret parameter): every user, and the people API.</summary>
    public const string WebKeySetting = "PolarFlow:WebApiKey";
    /// <summary>A service key given by configuration (the AppHost makes one for the Laravel app it runs).</summary>
    public const string ServiceKeySetting = "PolarFlow:ServiceApiKey";
    public const string AdminRole = "admin";
    public const string ServiceRole = "service";
    public const string UserRole = "user";
    public const string WebRole = "web";
    public const string UserIdClaim = "polarflow:user_id";
    public const string KeyIdClaim = "polarflow:key_id";

    private static readonly (string Setting, string Role)[] ConfiguredKeys =
        [(AdminKeySetting, AdminRole), (WebKeySetting, WebRole), (ServiceKeySetting, ServiceRole)];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers["X-API-Key"].FirstOrDefault();
        var authorization = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(presented) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization[7..].Trim();
        }
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        foreach (var (setting, role) in ConfiguredKeys)
        {
            var configured = configuration[setting];
            if (string.IsNullOrEmpty(configured) || !CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(configured)))
            {
                continue;
            }
            return Success([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role),
                new Claim(KeyIdClaim, role)]);
        }

        var key = await Context.RequestServices.GetRequiredService<Keys.ApiKeyService>().FindAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        Context.RequestServices.GetRequiredService<Keys.KeyUsage>().Touch(key.KeyId);
        List<Claim> claims = [new(ClaimTypes.Name, key.Name), new(KeyIdClaim, key.KeyId),
            new(ClaimTypes.Role, key.Kind == Data.Entities.ApiKeyKind.Service ? ServiceRole : UserRole)];
        if (key.UserId is not null) claims.Add(new Claim(UserIdClaim, key.UserId));
        return Success(claims);
    }

    private static AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    /// <summary>A key that is valid but may not do this: another user's data, or managing users, keys or people.</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "This key may not do that",
            detail: "A user key reaches its own user only; managing users, keys and people needs an admin or service key.",
            type: "https://polarflow.dev/problems/forbidden").ExecuteAsync(Context);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var refused = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        await Results.Problem(statusCode: 401, title: refused ? "This API key is not valid" : "An API key is required",
            detail: refused ? "The key sent is unknown or revoked: send a key PolarFlow made and has not revoked."
                : "Send the key as X-API-Key or Authorization: Bearer.",
            type: "https://polarflow.dev/problems/unauthorized").ExecuteAsync(Context);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
