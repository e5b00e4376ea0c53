namespace PolarFlow.ApiService.Imports;

/// <summary>`PolarFlow:Imports:*`: where uploaded exports wait, how large one may be, and this instance's name.</summary>
public sealed class ImportOptions
{
    public const string Section = "PolarFlow:Imports";

    /// <summary>
    /// This instance's copies of the uploaded ZIPs it reads (the bytes wait in the database); deleted when the import ends.
    /// </summary>
    public string Directory { get; set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "polarflow", "imports");

    /// <summary>The largest export accepted (default 10 GiB); larger uploads get 413.</summary>
    public long MaxBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Names this instance in an import's record (which one received it, which one runs it).</summary>
    public string Node { get; set; } = Environment.MachineName;

    /// <summary>An import interrupted this many times (a crash while reading it) is failed rather than tried again.</summary>
    public int MaxAttempts { get; set; } = 3;
}
