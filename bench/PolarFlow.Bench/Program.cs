using PolarFlow.Bench;

// Usage: dotnet run --project bench/PolarFlow.Bench -c Release -- sync [users=100]   (its last figure: ingest)
//        dotnet run --project bench/PolarFlow.Bench -c Release -- ingest
//        dotnet run --project bench/PolarFlow.Bench -c Release -- api <path to PolarFlow.ApiService.dll>
//        dotnet run --project bench/PolarFlow.Bench -c Release -- analytics <path to PolarFlow.ApiService.dll>
//        dotnet run --project bench/PolarFlow.Bench -c Release -- import <path to PolarFlow.ApiService.dll>
//        dotnet run --project bench/PolarFlow.Bench -c Release -- faults <path to PolarFlow.ApiService.dll>
//        dotnet run --project bench/PolarFlow.Bench -c Release -- mcp <path to PolarFlow.ApiService.dll>
//        dotnet run --project bench/PolarFlow.Bench -c Release -- archive <path to PolarFlow.ApiService.dll>
//        dotnet run --project bench/PolarFlow.Bench -c Release -- web <path to PolarFlow.ApiService.dll> <path to PolarFlow.Web.dll>
if (args is ["api", var apiDll])
{
    await ApiBenchmark.RunAsync(apiDll);
}
else if (args is ["analytics", var analyticsApiDll])
{
    await AnalyticsBenchmark.RunAsync(analyticsApiDll);
}
else if (args is ["web", var webApiDll, var webDll])
{
    await WebBenchmark.RunAsync(webApiDll, webDll);
}
else if (args is ["faults", var faultsApiDll])
{
    await FaultsBenchmark.RunAsync(faultsApiDll);
}
else if (args is ["mcp", var mcpApiDll])
{
    await McpBenchmark.RunAsync(mcpApiDll);
}
else if (args is ["archive", var archiveApiDll])
{
    await ArchiveBenchmark.RunAsync(archiveApiDll);
}
else if (args is ["ingest"])
{
    await IngestBenchmark.RunAsync();
}
else if (args is ["import", var importApiDll])
{
    await ImportBenchmark.RunAsync(importApiDll);
}
else
{
    var users = args is ["sync", var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 100;
    await SyncBenchmark.RunAsync(users);
}
