using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(x => x.KeyId);
        builder.Property(x => x.KeyId).HasMaxLength(32);
        builder.Property(x => x.KeyHash).HasMaxLength(64);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.UserId).HasMaxLength(PolarUserConfiguration.UserIdMaxLength);
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.HasIndex(x => x.UserId);
        builder.HasOne<PolarUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_api_keys_user_key_has_user",
            "kind <> 'User' OR user_id IS NOT NULL"));
    }
}
