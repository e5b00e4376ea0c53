using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PolarFlow.Web.Services;

namespace PolarFlow.Web.Extensions;

public static class WebServiceExtensions
{
    public const string SignInPath = "/sign-in";

    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section)
            .Configure<IConfiguration>((o, c) => o.ApiKey = c["PolarFlow:WebApiKey"] ?? o.ApiKey)
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddRazorComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();

        var keys = builder.Configuration[$"{WebOptions.Section}:KeysDirectory"] ?? DefaultKeysDirectory();
        builder.Services.AddDataProtection().SetApplicationName("PolarFlow.Web").PersistKeysToFileSystem(new DirectoryInfo(keys));

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "polarflow";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever it is served over HTTPS
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = "/not-found";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = Viewer.ValidateAsync;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "polarflow-af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        builder.Services.AddTransient<ApiKeyHandler>();
        builder.Services.AddApiClient<PeopleClient>();
        builder.Services.AddApiClient<AnalyticsClient>();
        builder.Services.AddApiClient<HealthDataClient>();
        builder.Services.AddApiClient<AccountClient>();
#pragma warning disable EXTEXP0001 // the documented way to drop the standard handler for one client
        builder.Services.AddHttpClient<UploadClient>((sp, client) =>
            {
                client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WebOptions>>().Value.ApiBaseUrl);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers().AddHttpMessageHandler<ApiKeyHandler>();
#pragma warning restore EXTEXP0001
        builder.Services.AddScoped<Viewer>();
        builder.Services.AddHostedService<SetupLinkAnnouncer>();
        return builder;
    }

    /// <summary>
    /// A typed API client: the standard handler, but a POST, PUT or DELETE is never sent twice (a sign-in, a sync
    /// trigger, a new key are not idempotent), so the service defaults' handler is replaced rather than stacked.
    /// </summary>
    private static void AddApiClient<T>(this IServiceCollection services) where T : class =>
#pragma warning disable EXTEXP0001
        services.AddHttpClient<T>((sp, client) => client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WebOptions>>().Value.ApiBaseUrl))
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler<ApiKeyHandler>()
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001

    private static string DefaultKeysDirectory()
    {
        var data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "polarflow", "web-keys");
    }
}
