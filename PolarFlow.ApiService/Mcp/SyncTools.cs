using System.ComponentModel;
using ModelContextProtocol.Server;
using PolarFlow.ApiService.Sync;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;

namespace PolarFlow.ApiService.Mcp;

/// <summary>The sync as MCP tools: its state (the REST status answer) and a trigger that queues a job as REST does.</summary>
[McpServerToolType]
public sealed class SyncTools(PolarFlowDbContext db, SyncJobQueue queue, McpCaller caller)
{
    private const string UserIdHelp = McpCaller.UserIdHelp;

    [McpServerTool(Name = "sync_status", Title = "Sync status", ReadOnly = true, OpenWorld = false)]
    [Description("Whether the user's Polar account is connected, the newest sync job (what waits and until when), and the "
        + "last successful sync of each data type. Use before trusting that today's data is in.")]
    public async Task<string> SyncStatus([Description(UserIdHelp)] string? user_id = null, CancellationToken ct = default)
    {
        var user = await caller.UserAsync(user_id, ct);
        var status = (await SyncApi.StatusAsync(db, user, ct))!;
        var newest = status.DataTypes.Select(c => c.LastSuccessAt).Max();
        var say = $"Polar is {status.ConnectionState}"
            + (status.CurrentJob is { } job ? $"; the newest sync job is {job.Status} (queued {job.QueuedAt:u})"
                : "; no sync job yet")
            + (newest is { } at ? $"; data last synced {at:u}." : "; nothing synced yet.");
        return caller.Answer(say, status);
    }

    [McpServerTool(Name = "trigger_sync", Title = "Sync now", ReadOnly = false, Destructive = false, Idempotent = true,
        OpenWorld = true)]
    [Description("Queues a sync of every data type from Polar now (folded into a job already waiting). It runs in the "
        + "background within seconds to minutes; call sync_status to follow it.")]
    public async Task<string> TriggerSync([Description(UserIdHelp)] string? user_id = null, CancellationToken ct = default)
    {
        var user = await caller.UserAsync(user_id, ct);
        var job = await queue.EnqueueAsync(user, SyncJobTrigger.Manual, ct: ct);
        var what = job.DataTypes.Length == 0 ? "every data type" : string.Join(", ", job.DataTypes);
        return caller.Answer($"A sync of {what} is {job.Status}; call sync_status to follow it.", SyncApi.ToDto(job));
    }
}
