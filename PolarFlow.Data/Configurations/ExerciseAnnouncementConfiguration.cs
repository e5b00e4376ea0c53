using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class ExerciseAnnouncementConfiguration : IEntityTypeConfiguration<ExerciseAnnouncement>
{
    public void Configure(EntityTypeBuilder<ExerciseAnnouncement> builder)
    {
        builder.ToTable("exercise_announcements");
        builder.HasKey(x => new { x.UserId, x.ExerciseId });
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.ExerciseId).HasMaxLength(64);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
