using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Configurations;

public sealed class PolarUserConfiguration : IEntityTypeConfiguration<PolarUser>
{
    public const int UserIdMaxLength = 128;

    public void Configure(EntityTypeBuilder<PolarUser> builder)
    {
        builder.ToTable("users");
        builder.HasKey(x => x.UserId);
        builder.Property(x => x.UserId).HasMaxLength(UserIdMaxLength);
        builder.HasIndex(x => x.PolarUserId).IsUnique();
        builder.Property(x => x.ConnectionState).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Raw).HasColumnType("jsonb");
        builder.Property(x => x.DataVersion).IsConcurrencyToken();
    }
}
