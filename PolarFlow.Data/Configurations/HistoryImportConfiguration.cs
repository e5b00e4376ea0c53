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
