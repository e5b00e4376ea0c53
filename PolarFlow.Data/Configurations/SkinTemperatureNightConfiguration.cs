using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class SkinTemperatureNightConfiguration() : SyncedRecordConfiguration<SkinTemperatureNight>("skin_temperature")
{
    protected override System.Linq.Expressions.Expression<Func<SkinTemperatureNight, object?>> NaturalKey => x => new { x.UserId, x.SleepDate };

    protected override void ConfigureRecord(EntityTypeBuilder<SkinTemperatureNight> builder)
    {
        // Typed columns only; the sleep date is the key.
    }
}
