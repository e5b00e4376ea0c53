using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PolarFlow.SyncWorker;

/// <summary>The worker's span source and metrics (exported by the service defaults, shown in the dashboard).</summary>
public sealed class SyncTelemetry : IDisposable
{
    public const string Name = "PolarFlow.SyncWorker";
    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private double _budgetRemaining = double.NaN;

    public SyncTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        Jobs = _meter.CreateCounter<long>("polarflow.sync.jobs", description: "Sync jobs ended, by outcome");
        Records = _meter.CreateCounter<long>("polarflow.sync.records_upserted", description: "Rows inserted or changed, by data type");
        Calls = _meter.CreateCounter<long>("polarflow.accesslink.calls", description: "AccessLink calls, by endpoint and status");
        JobWait = _meter.CreateHistogram<double>("polarflow.sync.job_wait", "s", "Time from queueing to start");
        _meter.CreateObservableGauge("polarflow.accesslink.rate_budget_remaining", () => _budgetRemaining, description: "Requests left in the tighter rate window");
    }

    public Counter<long> Jobs { get; }
    public Counter<long> Records { get; }
    public Counter<long> Calls { get; }
    public Histogram<double> JobWait { get; }

    public void BudgetRemaining(double remaining) => _budgetRemaining = remaining;

    public void Dispose() => _meter.Dispose();
}
