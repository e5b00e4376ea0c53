namespace PolarFlow.Web.Extensions;

/// <summary>
/// A strict Content-Security-Policy on every answer: scripts, styles, images and connections from this site only, no
/// inline script or style, no framing. The dashboard therefore cannot load (or leak to) anything outside PolarFlow.
/// </summary>
public static class SecurityHeaders
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        await next();
    });
}
