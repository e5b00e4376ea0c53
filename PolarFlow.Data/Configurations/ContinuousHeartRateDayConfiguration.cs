using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class ContinuousHeartRateDayConfiguration() : SyncedRecordConfiguration<ContinuousHeartRateDay>("continuous_heart_rate")
{
    protected override System.Linq.Expressions.Expression<Func<ContinuousHeartRateDay, object?>> NaturalKey => x => new { x.UserId, x.Date };

    protected override void ConfigureRecord(EntityTypeBuilder<ContinuousHeartRateDay> builder)
    {
        // Parallel arrays: 288 samples a day as two int[] instead of 288 rows.
        builder.ToTable(t => t.HasCheckConstraint("ck_continuous_heart_rate_parallel_arrays",
            "cardinality(sample_seconds) = cardinality(heart_rates)"));
    }
}
