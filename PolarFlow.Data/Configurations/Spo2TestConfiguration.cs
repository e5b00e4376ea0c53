using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class Spo2TestConfiguration() : SyncedRecordConfiguration<Spo2Test>("spo2_tests")
{
    protected override System.Linq.Expressions.Expression<Func<Spo2Test, object?>> NaturalKey => x => new { x.UserId, x.TestTime, x.SourceDeviceId };

    protected override void ConfigureRecord(EntityTypeBuilder<Spo2Test> builder)
    {
        builder.Property(x => x.SourceDeviceId).HasMaxLength(64);
    }
}
