using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class SleepWiseBedtimeConfiguration() : SyncedRecordConfiguration<SleepWiseBedtime>("sleepwise_bedtime")
{
    protected override System.Linq.Expressions.Expression<Func<SleepWiseBedtime, object?>> NaturalKey => x => new { x.UserId, x.PeriodStartTime, x.ResultType };

    protected override void ConfigureRecord(EntityTypeBuilder<SleepWiseBedtime> builder)
    {
        builder.Property(x => x.ResultType).HasMaxLength(64);
    }
}
