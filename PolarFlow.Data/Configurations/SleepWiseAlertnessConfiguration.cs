using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class SleepWiseAlertnessConfiguration() : SyncedRecordConfiguration<SleepWiseAlertness>("sleepwise_alertness")
{
    protected override System.Linq.Expressions.Expression<Func<SleepWiseAlertness, object?>> NaturalKey => x => new { x.UserId, x.PeriodStartTime, x.ResultType };

    protected override void ConfigureRecord(EntityTypeBuilder<SleepWiseAlertness> builder)
    {
        builder.Property(x => x.ResultType).HasMaxLength(64);
        Jsonb(builder, x => x.HourlyData);
    }
}
