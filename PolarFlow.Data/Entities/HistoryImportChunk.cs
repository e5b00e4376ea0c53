namespace PolarFlow.Data.Entities;

/// <summary>
/// A piece of an uploaded export, in order: the ZIP waits in the database until its import ends, so any ApiService
/// replica (or the next revision) can finish an import another received.
/// </summary>
public sealed class HistoryImportChunk
{
    public required string UserId { get; set; }
    public Guid ImportId { get; set; }
    public int Seq { get; set; }
    public required byte[] Data { get; set; }
}
