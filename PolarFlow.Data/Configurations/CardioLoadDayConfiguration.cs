using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class CardioLoadDayConfiguration() : SyncedRecordConfiguration<CardioLoadDay>("cardio_load")
{
    protected override System.Linq.Expressions.Expression<Func<CardioLoadDay, object?>> NaturalKey => x => new { x.UserId, x.Date };

    protected override void ConfigureRecord(EntityTypeBuilder<CardioLoadDay> builder)
    {
        builder.Property(x => x.CardioLoadStatus).HasMaxLength(64);
    }
}
