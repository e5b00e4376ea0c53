namespace PolarFlow.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The checkout the tests were built from (the folder holding PolarFlow.sln).</summary>
    public static string Path { get; } = Find();

    public const string BuildConfiguration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PolarFlow.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PolarFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
