using System.Text.Json;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>Garmin's own FIT SDK (JavaScript, tools/fit-check) decodes a FIT file and reports what it found.</summary>
public static class FitDecoder
{
    private static readonly string FitCheck = NodeTools.Folder("fit-check");

    public static async Task<JsonElement> DecodeAsync(byte[] fit)
    {
        await NodeTools.EnsureInstalledAsync("fit-check", Path.Combine("@garmin", "fitsdk"));
        var file = Path.Combine(Path.GetTempPath(), $"polarflow-{Guid.NewGuid():N}.fit");
        await File.WriteAllBytesAsync(file, fit);
        try
        {
            var result = await ProcessRunner.RunAsync("node", [Path.Combine(FitCheck, "decode.mjs"), file], workingDirectory: FitCheck);
            Assert.True(result.ExitCode == 0, result.Output);
            return JsonDocument.Parse(result.Output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
