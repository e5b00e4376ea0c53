using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class ExerciseRouteConfiguration() : SyncedRecordConfiguration<ExerciseRoute>("exercise_routes")
{
    protected override System.Linq.Expressions.Expression<Func<ExerciseRoute, object?>> NaturalKey => x => new { x.UserId, x.ExerciseId };

    protected override void ConfigureRecord(EntityTypeBuilder<ExerciseRoute> builder)
    {
        builder.Property(x => x.ExerciseId).HasMaxLength(64);
        Jsonb(builder, x => x.Points);
    }
}
