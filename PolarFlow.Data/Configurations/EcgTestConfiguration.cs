using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class EcgTestConfiguration() : SyncedRecordConfiguration<EcgTest>("ecg_tests")
{
    protected override System.Linq.Expressions.Expression<Func<EcgTest, object?>> NaturalKey => x => new { x.UserId, x.TestTime, x.SourceDeviceId };

    protected override void ConfigureRecord(EntityTypeBuilder<EcgTest> builder)
    {
        builder.Property(x => x.SourceDeviceId).HasMaxLength(64);
        Jsonb(builder, x => x.Samples, x => x.QualityMeasurements);
    }
}
