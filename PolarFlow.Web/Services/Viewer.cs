using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PolarFlow.Web.Services;

/// <summary>
/// The person signed in and the users they may see: the owner every user, an invited person only their own.
/// Every page that shows a user asks <see cref="MayViewAsync"/> first; another person's user is a 404, never a hint.
/// </summary>
public sealed class Viewer(IHttpContextAccessor accessor, AccountClient account)
{
    public const string UserIdClaim = "polarflow:user_id";
    public const string OwnerRole = "owner";
    private const string CheckedAt = "polarflow:checked";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public bool IsOwner => Principal.IsInRole(OwnerRole);

    public string Username => Principal.Identity?.Name ?? "";

    public string? OwnUserId => Principal.FindFirstValue(UserIdClaim);

    public async Task<bool> MayViewAsync(string userId, CancellationToken ct) =>
        IsOwner ? await account.UserAsync(userId, ct) is not null : IsSignedIn && OwnUserId == userId;

    /// <summary>The users this person may switch between.</summary>
    public async Task<IReadOnlyList<string>> UsersAsync(CancellationToken ct) =>
        IsOwner ? (await account.UsersAsync(ct)).Items.Select(u => u.UserId).ToList()
        : OwnUserId is { } own ? [own] : [];

    public static ClaimsPrincipal PrincipalFor(PersonDto person)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, person.PersonId.ToString()), new(ClaimTypes.Name, person.Username),
            new(ClaimTypes.Role, person.Role)];
        if (person.UserId is not null) claims.Add(new Claim(UserIdClaim, person.UserId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>Once a minute a cookie is checked against the API: a removed person is signed out on their next page.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = DateTimeOffset.UtcNow;
        if (context.Properties.Items.TryGetValue(CheckedAt, out var at) && DateTimeOffset.TryParse(at, out var last)
            && now - last < TimeSpan.FromMinutes(1))
        {
            return;
        }
        var people = context.HttpContext.RequestServices.GetRequiredService<PeopleClient>();
        if (!Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var personId))
        {
            context.RejectPrincipal();
            return;
        }
        try
        {
            if (await people.FindAsync(personId, context.HttpContext.RequestAborted) is null)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }
        }
        catch (ApiUnavailableException)
        {
            return; // The page itself will say the API is down; the cookie stays until it can be checked.
        }
        context.Properties.Items[CheckedAt] = now.ToString("O");
        context.ShouldRenew = true;
    }
}
