using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class BodyTemperaturePeriodConfiguration() : SyncedRecordConfiguration<BodyTemperaturePeriod>("body_temperature")
{
    protected override System.Linq.Expressions.Expression<Func<BodyTemperaturePeriod, object?>> NaturalKey => x => new { x.UserId, x.SourceDeviceId, x.StartTime };

    protected override void ConfigureRecord(EntityTypeBuilder<BodyTemperaturePeriod> builder)
    {
        builder.Property(x => x.SourceDeviceId).HasMaxLength(64);
        Jsonb(builder, x => x.Samples);
        builder.HasIndex(x => new { x.UserId, x.StartTime });
    }
}
