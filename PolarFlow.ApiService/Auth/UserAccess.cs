using System.Security.Claims;

namespace PolarFlow.ApiService.Auth;

/// <summary>
/// Tenants kept apart: on every `/users/{userId}/...` route, a user key reaches only its own user (403 otherwise);
/// admin and service keys reach any user.
/// </summary>
public static class UserAccess
{
    public static bool MayAccess(this ClaimsPrincipal principal, string userId) =>
        principal.IsInRole(ApiKeyAuthentication.AdminRole) || principal.IsInRole(ApiKeyAuthentication.ServiceRole)
        || principal.IsInRole(ApiKeyAuthentication.WebRole)
        || (principal.IsInRole(ApiKeyAuthentication.UserRole) && principal.FindFirstValue(ApiKeyAuthentication.UserIdClaim) == userId);

    /// <summary>
    /// An authorization policy, so the authorization middleware refuses another user's key before anything of the
    /// request is read: a refused caller learns nothing, not even whether its body would have been valid.
    /// </summary>
    public static TBuilder RequireUserAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(UserPolicy);

    /// <summary>On a `{userId}` route, the key reaches that user.</summary>
    public const string UserPolicy = "user";

    public static bool RouteUserAllowed(Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context) =>
        context.Resource is not HttpContext http
        || !http.Request.RouteValues.TryGetValue("userId", out var value) || value is not string userId
        || context.User.MayAccess(userId);

    /// <summary>Admin, service and the web's keys only (managing users and keys).</summary>
    public const string ManagePolicy = "manage";

    /// <summary>The admin key only (the deployment's own settings at Polar, such as its webhook).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The dashboard's people: the web's key (and the admin key).</summary>
    public const string PeoplePolicy = "people";
}
