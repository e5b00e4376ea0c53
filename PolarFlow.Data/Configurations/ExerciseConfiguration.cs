using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class ExerciseConfiguration() : SyncedRecordConfiguration<Exercise>("exercises")
{
    protected override System.Linq.Expressions.Expression<Func<Exercise, object?>> NaturalKey => x => new { x.UserId, x.ExerciseId };

    protected override void ConfigureRecord(EntityTypeBuilder<Exercise> builder)
    {
        builder.Property(x => x.ExerciseId).HasMaxLength(64);
        Jsonb(builder, x => x.TrainingLoadPro, x => x.HeartRateZones);
        builder.HasIndex(x => new { x.UserId, x.StartTime });
        builder.HasIndex(x => new { x.UserId, x.UploadTime });
    }
}
