using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class SleepNightConfiguration() : SyncedRecordConfiguration<SleepNight>("sleep")
{
    protected override System.Linq.Expressions.Expression<Func<SleepNight, object?>> NaturalKey => x => new { x.UserId, x.Date };

    protected override void ConfigureRecord(EntityTypeBuilder<SleepNight> builder)
    {
        Jsonb(builder, x => x.Hypnogram, x => x.HeartRateSamples);
    }
}
