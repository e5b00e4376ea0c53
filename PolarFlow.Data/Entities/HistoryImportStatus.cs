namespace PolarFlow.Data.Entities;

public enum HistoryImportStatus
{
    Queued,
    Running,
    Succeeded,
    /// <summary>Done, but some files could not be read (each is listed with its reason).</summary>
    PartiallySucceeded,
    Failed,
}
