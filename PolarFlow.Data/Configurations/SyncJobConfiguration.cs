using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class SyncJobConfiguration : IEntityTypeConfiguration<SyncJob>
{
    public void Configure(EntityTypeBuilder<SyncJob> builder)
    {
        builder.ToTable("sync_jobs");
        builder.HasKey(x => new { x.UserId, x.Id });
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.StepResults).HasColumnType("jsonb");
        builder.Property(x => x.FollowUpTrigger).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);

        // The invariant the sync relies on: one queued-or-running job per user, whatever the replica count.
        builder.HasIndex(x => x.UserId)
            .IsUnique()
            .HasFilter("status IN ('Queued', 'Running')")
            .HasDatabaseName("ux_sync_jobs_one_active_per_user");

        // Leasing scans queued jobs by priority and due time.
        builder.HasIndex(x => new { x.Priority, x.NotBefore })
            .HasFilter("status = 'Queued'")
            .HasDatabaseName("ix_sync_jobs_queue");
        builder.HasIndex(x => new { x.UserId, x.QueuedAt });
    }
}
