using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class ActivitySamplesConfiguration() : SyncedRecordConfiguration<ActivitySamples>("activity_samples")
{
    protected override System.Linq.Expressions.Expression<Func<ActivitySamples, object?>> NaturalKey => x => new { x.UserId, x.Date };

    protected override void ConfigureRecord(EntityTypeBuilder<ActivitySamples> builder)
    {
        Jsonb(builder, x => x.StepSamples, x => x.ActivityZones, x => x.InactivityStamps);
    }
}
