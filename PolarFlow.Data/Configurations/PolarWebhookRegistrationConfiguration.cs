using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class PolarWebhookRegistrationConfiguration : IEntityTypeConfiguration<PolarWebhookRegistration>
{
    public void Configure(EntityTypeBuilder<PolarWebhookRegistration> builder)
    {
        builder.ToTable("polar_webhooks");
        builder.HasKey(x => x.WebhookId);
        builder.Property(x => x.WebhookId).HasMaxLength(64);
        builder.Property(x => x.Url).HasMaxLength(2048);
    }
}
