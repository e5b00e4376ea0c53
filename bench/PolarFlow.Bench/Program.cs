using System.Globalization;
using PolarFlow.Bench;

// Usage: dotnet run --project bench/PolarFlow.Bench -c Release -- <benchmark> [its arguments]
//   sync [users=100]                 AccessLink calls, first syncs, and last the ingest figure
//   ingest                           storing first-sync rows: the upsert beside PostgreSQL's COPY
//   api | analytics | import | faults | mcp | archive <path to PolarFlow.ApiService.dll>
//   web <path to PolarFlow.ApiService.dll> <path to PolarFlow.Web.dll>
await (args switch
{
    ["api", var dll] => ApiBenchmark.RunAsync(dll),
    ["analytics", var dll] => AnalyticsBenchmark.RunAsync(dll),
    ["web", var apiDll, var webDll] => WebBenchmark.RunAsync(apiDll, webDll),
    ["faults", var dll] => FaultsBenchmark.RunAsync(dll),
    ["mcp", var dll] => McpBenchmark.RunAsync(dll),
    ["archive", var dll] => ArchiveBenchmark.RunAsync(dll),
    ["import", var dll] => ImportBenchmark.RunAsync(dll),
    ["ingest"] => IngestBenchmark.RunAsync(),
    ["sync", var users] => SyncBenchmark.RunAsync(int.Parse(users, CultureInfo.InvariantCulture)),
    _ => SyncBenchmark.RunAsync(100),
});
