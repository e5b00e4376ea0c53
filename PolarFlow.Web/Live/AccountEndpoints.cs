using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PolarFlow.Web.Services;

namespace PolarFlow.Web.Live;

/// <summary>What is not a page: sign-out, the export upload (streamed on to the API), CSV and archive downloads.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/sign-in");
        }).RequireAntiforgery();

        var user = app.MapGroup("/u/{userId}").RequireAuthorization().AddEndpointFilter(MayView);

        // The browser sends the ZIP as the raw body with the page's antiforgery token in a header; it is passed on as it arrives.
        user.MapPost("/data/import", async (string userId, HttpContext context, UploadClient uploads, IOptions<WebOptions> options) =>
        {
            var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (size is { IsReadOnly: false }) size.MaxRequestBodySize = options.Value.MaxUploadBytes;
            try
            {
                var import = await uploads.UploadAsync(userId, context.Request.Body, context.Request.ContentType, context.Request.ContentLength,
                    context.RequestAborted);
                return Results.Json(new { import.Id, import.Status, import.FilesTotal });
            }
            catch (ApiException ex)
            {
                return Results.Problem(statusCode: (int)ex.Status, title: ex.Title, detail: ex.Detail);
            }
            catch (ApiUnavailableException)
            {
                return Results.Problem(statusCode: 503, title: "PolarFlow's API is not answering", detail: "Nothing was kept. Try the upload again in a moment.");
            }
        }).RequireAntiforgery();

        user.MapGet("/data/export/{type}.csv", async (string userId, string type, AccountClient account, HttpContext context) =>
        {
            if (!Components.Pages.Data.ExportTypes.Any(t => t.Type == type)) return Results.NotFound();
            var response = await account.ExportAsync(userId, type, 365, context.RequestAborted);
            context.Response.RegisterForDispose(response);
            return Results.Stream(await response.Content.ReadAsStreamAsync(context.RequestAborted), "text/csv; charset=utf-8",
                $"{userId}-{type}.csv");
        });

        user.MapGet("/data/export/archive.zip", async (string userId, AccountClient account, HttpContext context) =>
        {
            var response = await account.ArchiveAsync(userId, context.RequestAborted);
            context.Response.RegisterForDispose(response);
            var named = response.Content.Headers.ContentDisposition;
            var fileName = named?.FileNameStar ?? named?.FileName?.Trim('"') ?? $"polarflow-{userId}.zip";
            return Results.Stream(await response.Content.ReadAsStreamAsync(context.RequestAborted), "application/zip", fileName);
        });

        app.MapLiveEndpoints(user);
        return app;
    }

    /// <summary>The same rule as the pages: another person's user is a 404.</summary>
    private static async ValueTask<object?> MayView(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var userId = http.Request.RouteValues["userId"] as string ?? "";
        try
        {
            if (!await http.RequestServices.GetRequiredService<Viewer>().MayViewAsync(userId, http.RequestAborted)) return Results.NotFound();
        }
        catch (ApiUnavailableException)
        {
            return Results.Problem(statusCode: 503, title: "PolarFlow's API is not answering", detail: "Try again in a moment.");
        }
        return await next(context);
    }

    /// <summary>Refuses a POST without this site's antiforgery token (a form field or the RequestVerificationToken header).</summary>
    private static RouteHandlerBuilder RequireAntiforgery(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return Results.Problem(statusCode: 400, title: "This form has expired", detail: "Reload the page and try again.");
        }
        return await next(context);
    });
}
