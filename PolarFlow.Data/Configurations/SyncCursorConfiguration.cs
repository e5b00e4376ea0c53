using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class SyncCursorConfiguration : IEntityTypeConfiguration<SyncCursor>
{
    public void Configure(EntityTypeBuilder<SyncCursor> builder)
    {
        builder.ToTable("sync_cursors");
        builder.HasKey(x => new { x.UserId, x.DataType });
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.DataType).HasMaxLength(48);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
