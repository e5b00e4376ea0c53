using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class PhysicalInfoSnapshotConfiguration() : SyncedRecordConfiguration<PhysicalInfoSnapshot>("physical_info")
{
    protected override System.Linq.Expressions.Expression<Func<PhysicalInfoSnapshot, object?>> NaturalKey => x => new { x.UserId, x.ModifiedAt };

    protected override void ConfigureRecord(EntityTypeBuilder<PhysicalInfoSnapshot> builder)
    {
        builder.Property(x => x.CreatedAtPolar).HasColumnName("polar_created_at");
    }
}
