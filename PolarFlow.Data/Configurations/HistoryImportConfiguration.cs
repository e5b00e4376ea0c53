using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class HistoryImportConfiguration : IEntityTypeConfiguration<HistoryImport>
{
    public void Configure(EntityTypeBuilder<HistoryImport> builder)
    {
        builder.ToTable("imports");
        builder.HasKey(x => new { x.UserId, x.Id });
        builder.HasIndex(x => x.Id).IsUnique();
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.FileName).HasMaxLength(255);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.Node).HasMaxLength(128);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.UserId, x.CreatedAt });
        builder.HasIndex(x => x.Status).HasFilter("status IN ('Queued', 'Running')");
    }
}

/// <summary>A table of its own, so listing imports never reads an upload's bytes; it goes with its import.</summary>
public sealed class HistoryImportChunkConfiguration : IEntityTypeConfiguration<HistoryImportChunk>
{
    public void Configure(EntityTypeBuilder<HistoryImportChunk> builder)
    {
        builder.ToTable("import_chunks");
        builder.HasKey(x => new { x.UserId, x.ImportId, x.Seq });
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.HasOne<HistoryImport>().WithMany().HasForeignKey(x => new { x.UserId, x.ImportId }).OnDelete(DeleteBehavior.Cascade);
    }
}
