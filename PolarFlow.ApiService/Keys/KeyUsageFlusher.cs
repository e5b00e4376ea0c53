using PolarFlow.Data;

namespace PolarFlow.ApiService.Keys;

/// <summary>Writes <see cref="KeyUsage"/> to the database every period and once more when the API stops.</summary>
public sealed partial class KeyUsageFlusher(KeyUsage usage, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time,
    ILogger<KeyUsageFlusher> logger) : BackgroundService
{
    public const string Setting = "PolarFlow:Keys:LastUsedFlushSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(configuration.GetValue(Setting, 60));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(period, time, stoppingToken);
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None); // the last uses before the stop
        }
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await usage.FlushAsync(scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing when API keys were last used failed; kept for the next try")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
