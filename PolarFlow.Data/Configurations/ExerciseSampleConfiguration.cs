using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class ExerciseSampleConfiguration() : SyncedRecordConfiguration<ExerciseSample>("exercise_samples")
{
    protected override System.Linq.Expressions.Expression<Func<ExerciseSample, object?>> NaturalKey => x => new { x.UserId, x.ExerciseId, x.SampleType };

    protected override void ConfigureRecord(EntityTypeBuilder<ExerciseSample> builder)
    {
        builder.Property(x => x.ExerciseId).HasMaxLength(64);
    }
}
