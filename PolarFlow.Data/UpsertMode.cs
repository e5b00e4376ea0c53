namespace PolarFlow.Data;

/// <summary>How <see cref="UpsertExtensions.UpsertAsync{T}"/> treats a row that exists.</summary>
public enum UpsertMode
{
    /// <summary>The sync: the new values replace the row's (the export's JSON stays).</summary>
    Replace,
    /// <summary>An import: the row keeps its values, fills its gaps, and takes the new export JSON.</summary>
    FillGaps,
}
