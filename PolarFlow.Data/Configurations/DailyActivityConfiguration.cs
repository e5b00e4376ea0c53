using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class DailyActivityConfiguration() : SyncedRecordConfiguration<DailyActivity>("daily_activity")
{
    protected override System.Linq.Expressions.Expression<Func<DailyActivity, object?>> NaturalKey => x => new { x.UserId, x.Date };

    protected override void ConfigureRecord(EntityTypeBuilder<DailyActivity> builder)
    {
        builder.Property(x => x.DailyActivityPercent).HasColumnName("daily_activity");
    }
}
