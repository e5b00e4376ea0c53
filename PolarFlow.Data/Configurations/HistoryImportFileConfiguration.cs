using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class HistoryImportFileConfiguration : IEntityTypeConfiguration<HistoryImportFile>
{
    public void Configure(EntityTypeBuilder<HistoryImportFile> builder)
    {
        builder.ToTable("import_files");
        builder.HasKey(x => new { x.UserId, x.ImportId, x.Name });
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.Name).HasMaxLength(512);
        builder.Property(x => x.Family).HasMaxLength(32);
        builder.Property(x => x.Outcome).HasMaxLength(16);
        builder.Property(x => x.Records).HasColumnType("jsonb");
        builder.HasOne<HistoryImport>().WithMany().HasForeignKey(x => new { x.UserId, x.ImportId }).OnDelete(DeleteBehavior.Cascade);
    }
}
