namespace PolarFlow.AppHost.Infrastructure;

public static class GeneratedSecrets
{
    /// <summary>A secret parameter generated once (letters and digits) and kept in the AppHost's user secrets.</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(this IDistributedApplicationBuilder builder, string name,
        int minLength = 32) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = minLength, Special = false }, secret: true, persist: true);
}
