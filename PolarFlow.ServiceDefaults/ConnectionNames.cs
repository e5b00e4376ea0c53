namespace Microsoft.Extensions.Hosting;

/// <summary>Names the AppHost gives the shared resources; each service finds `ConnectionStrings:{name}`.</summary>
public static class ConnectionNames
{
    public const string Cache = "cache";
}
