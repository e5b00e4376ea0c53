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

    public static TBuilder RequireUserAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.RouteValues.TryGetValue("userId", out var value) && value is string userId && !http.User.MayAccess(userId))
            {
                return Results.Problem(statusCode: 403, title: "This key may not reach that user",
                    detail: "A user key reaches its own user only.", type: "https://polarflow.dev/problems/forbidden");
            }
            return await next(context);
        });

    /// <summary>Admin, service and the web's keys only (managing users and keys).</summary>
    public const string ManagePolicy = "manage";

    /// <summary>The dashboard's people: the web's key (and the admin key).</summary>
    public const string PeoplePolicy = "people";
}
