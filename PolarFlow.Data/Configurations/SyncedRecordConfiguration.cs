using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

/// <summary>
/// What every synced table shares: its table name, its natural key (which starts with user_id and is the
/// upsert conflict target), Polar's raw JSON as jsonb, its provenance (source, and the export's JSON when an import
/// touched it), and deletion together with the user.
/// </summary>
public abstract class SyncedRecordConfiguration<T>(string table) : IEntityTypeConfiguration<T> where T : SyncedRecord
{
    public void Configure(EntityTypeBuilder<T> builder)
    {
        builder.ToTable(table);
        builder.HasKey(NaturalKey);
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.Raw).HasColumnType("jsonb");
        builder.Property(x => x.Source).HasMaxLength(16).HasDefaultValue(RecordSources.AccessLink);
        builder.Property(x => x.ExportRaw).HasColumnType("jsonb");
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        ConfigureRecord(builder);
    }

    /// <summary>The natural key, user_id first.</summary>
    protected abstract System.Linq.Expressions.Expression<Func<T, object?>> NaturalKey { get; }

    protected abstract void ConfigureRecord(EntityTypeBuilder<T> builder);

    protected static void Jsonb(EntityTypeBuilder<T> builder, params System.Linq.Expressions.Expression<Func<T, string?>>[] properties)
    {
        foreach (var property in properties)
        {
            builder.Property(property).HasColumnType("jsonb");
        }
    }
}
