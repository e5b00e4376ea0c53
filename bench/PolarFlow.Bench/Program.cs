using PolarFlow.Bench;

// Usage: dotnet run --project bench/PolarFlow.Bench -c Release -- [users=100]
var users = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100;
await SyncBenchmark.RunAsync(users);
