using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace PolarFlow.Data;

/// <summary>
/// Npgsql's retrying strategy (what Aspire configures by default) that a long read can switch to streaming. EF buffers
/// a query's whole result whenever the strategy may retry, so that a retry sees the same rows (dotnet/efcore#23721):
/// a five-year CSV or archive then sits in memory before its first byte is sent. Inside <see cref="Streaming"/>, EF
/// sees a current strategy that does not retry (as inside <c>ExecuteAsync</c>), so queries stream row by row and a
/// failure midway is an error, not a retry, which is what a response already on its way needs anyway.
/// </summary>
public sealed class PolarFlowExecutionStrategy : NpgsqlRetryingExecutionStrategy
{
    private readonly bool _streaming;

    public PolarFlowExecutionStrategy(ExecutionStrategyDependencies dependencies) : this(dependencies, streaming: false)
    {
    }

    private PolarFlowExecutionStrategy(ExecutionStrategyDependencies dependencies, bool streaming) : base(dependencies) =>
        _streaming = streaming;

    public override bool RetriesOnFailure => !_streaming && base.RetriesOnFailure;

    /// <summary>Queries of this async flow stream, and are not retried, until the scope is disposed.</summary>
    public static IDisposable Streaming(DbContext db)
    {
        var outer = Current;
        Current = new PolarFlowExecutionStrategy(db.GetService<ExecutionStrategyDependencies>(), streaming: true);
        return new Scope(outer);
    }

    private sealed class Scope(ExecutionStrategy? outer) : IDisposable
    {
        public void Dispose() => Current = outer;
    }
}
