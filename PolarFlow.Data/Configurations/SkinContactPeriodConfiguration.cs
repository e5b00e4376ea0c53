using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class SkinContactPeriodConfiguration() : SyncedRecordConfiguration<SkinContactPeriod>("skin_contacts")
{
    protected override System.Linq.Expressions.Expression<Func<SkinContactPeriod, object?>> NaturalKey => x => new { x.UserId, x.SourceDeviceId, x.StartTime };

    protected override void ConfigureRecord(EntityTypeBuilder<SkinContactPeriod> builder)
    {
        builder.Property(x => x.SourceDeviceId).HasMaxLength(64);
        Jsonb(builder, x => x.SkinContactChanges);
        builder.HasIndex(x => new { x.UserId, x.StartTime });
    }
}
