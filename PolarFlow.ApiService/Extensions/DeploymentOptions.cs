using Microsoft.Extensions.Options;

namespace PolarFlow.ApiService.Extensions;

/// <summary>
/// `DEPLOYMENT_MODE`: `self_hosted` (default: one owner, the admin key is all they need, a Polar account may
/// become its own user) or `saas` (user ids are the caller's, return URLs must be allow-listed, and the
/// secrets a multi-tenant deployment must not leave to defaults are required at start-up).
/// </summary>
public sealed class DeploymentOptions
{
    public bool Saas { get; set; }
    public string[] ReturnUrlAllowList { get; set; } = [];
    /// <summary>The dashboard (`PolarFlow:DashboardUrl`, set by the AppHost): `/` sends browsers there, and connect may return there.</summary>
    public string? DashboardUrl { get; set; }
    /// <summary>
    /// A front end the AppHost runs beside PolarFlow (`PolarFlow:FrontEndUrl`, the Laravel app): connect may return there.
    /// </summary>
    public string? FrontEndUrl { get; set; }

    public bool ReturnUrlAllowed(string? url) =>
        url is not null
        && ReturnUrlAllowList.Concat(OwnFrontEnds()).Any(prefix => url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The dashboard and the AppHost's front end, each as a prefix ending in `/`.</summary>
    private IEnumerable<string> OwnFrontEnds() =>
        new[] { DashboardUrl, FrontEndUrl }.OfType<string>().Where(u => u.Length > 0).Select(u => u.TrimEnd('/') + "/");

    public sealed class Setup(IConfiguration configuration) : IConfigureOptions<DeploymentOptions>, IValidateOptions<DeploymentOptions>
    {
        public void Configure(DeploymentOptions options)
        {
            options.Saas = string.Equals(configuration["DEPLOYMENT_MODE"], "saas", StringComparison.OrdinalIgnoreCase);
            options.ReturnUrlAllowList = configuration.GetSection("PolarFlow:ReturnUrlAllowList").Get<string[]>() ?? [];
            options.DashboardUrl = configuration["PolarFlow:DashboardUrl"];
            options.FrontEndUrl = configuration["PolarFlow:FrontEndUrl"];
        }

        public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
        {
            var mode = configuration["DEPLOYMENT_MODE"];
            if (mode is not null && !mode.Equals("saas", StringComparison.OrdinalIgnoreCase) && !mode.Equals("self_hosted", StringComparison.OrdinalIgnoreCase))
            {
                return ValidateOptionsResult.Fail($"DEPLOYMENT_MODE is '{mode}'; use self_hosted or saas.");
            }
            if (!options.Saas) return ValidateOptionsResult.Success;

            var problems = new List<string>();
            if ((configuration[Auth.ApiKeyAuthentication.AdminKeySetting]?.Length ?? 0) < 32)
                problems.Add($"{Auth.ApiKeyAuthentication.AdminKeySetting} must be set to a key of at least 32 characters");
            if (options.ReturnUrlAllowList.Length == 0 && string.IsNullOrEmpty(options.FrontEndUrl))
                problems.Add("PolarFlow:ReturnUrlAllowList must name the front end's return URLs (e.g. PolarFlow__ReturnUrlAllowList__0=https://app.example.com/)");
            if (Data.KeyRingEncryption.KeyFrom(configuration) is null)
                problems.Add($"{Data.KeyRingEncryption.Setting} must hold the key that encrypts the token-encryption key ring at rest (32 bytes, base64)");
            if (string.IsNullOrEmpty(configuration[Connect.PolarConnectService.PublicBaseUrlSetting]))
                problems.Add($"{Connect.PolarConnectService.PublicBaseUrlSetting} must be the public address Polar redirects to");
            return problems.Count == 0 ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("DEPLOYMENT_MODE=saas needs: " + string.Join("; ", problems) + ".");
        }
    }
}
