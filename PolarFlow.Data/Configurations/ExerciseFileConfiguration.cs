using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class ExerciseFileConfiguration : IEntityTypeConfiguration<ExerciseFile>
{
    public void Configure(EntityTypeBuilder<ExerciseFile> builder)
    {
        builder.ToTable("exercise_files");
        builder.HasKey(x => new { x.UserId, x.ExerciseId, x.Format, x.Source });
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.ExerciseId).HasMaxLength(64);
        builder.Property(x => x.Format).HasMaxLength(8);
        builder.Property(x => x.Source).HasMaxLength(16);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.ContentType).HasMaxLength(64);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.Name).HasMaxLength(512);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A table of its own, so exercise and file rows stay small and listing files never reads their bytes.</summary>
public sealed class ExerciseFileContentConfiguration : IEntityTypeConfiguration<ExerciseFileContent>
{
    public void Configure(EntityTypeBuilder<ExerciseFileContent> builder)
    {
        builder.ToTable("exercise_file_contents");
        builder.HasKey(x => new { x.UserId, x.ExerciseId, x.Format, x.Source });
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.ExerciseId).HasMaxLength(64);
        builder.Property(x => x.Format).HasMaxLength(8);
        builder.Property(x => x.Source).HasMaxLength(16);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
