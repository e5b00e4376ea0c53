namespace PolarFlow.Data.Entities;

public enum SyncJobTrigger
{
    Scheduled,
    Startup,
    Manual,
    Webhook,
    Connect,
}
