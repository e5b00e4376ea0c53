using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class NightlyRechargeConfiguration() : SyncedRecordConfiguration<NightlyRecharge>("nightly_recharge")
{
    protected override System.Linq.Expressions.Expression<Func<NightlyRecharge, object?>> NaturalKey => x => new { x.UserId, x.Date };

    protected override void ConfigureRecord(EntityTypeBuilder<NightlyRecharge> builder)
    {
        Jsonb(builder, x => x.HrvSamples, x => x.BreathingSamples);
    }
}
