using PolarFlow.Bench;

// Usage: dotnet run --project bench/PolarFlow.Bench -c Release -- sync [users=100]
//        dotnet run --project bench/PolarFlow.Bench -c Release -- api <path to PolarFlow.ApiService.dll>
//        dotnet run --project bench/PolarFlow.Bench -c Release -- analytics <path to PolarFlow.ApiService.dll>
//        dotnet run --project bench/PolarFlow.Bench -c Release -- import <path to PolarFlow.ApiService.dll>
if (args is ["api", var apiDll])
{
    await ApiBenchmark.RunAsync(apiDll);
}
else if (args is ["analytics", var analyticsApiDll])
{
    await AnalyticsBenchmark.RunAsync(analyticsApiDll);
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
